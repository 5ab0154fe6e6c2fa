package io.grassroots.bench.start.baseline;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** A console page (jte) and an API endpoint over the one table. */
@Controller
class NoteController {

	private final Notes notes;

	NoteController(Notes notes) {
		this.notes = notes;
	}

	@GetMapping("/")
	String page(Model model) {
		model.addAttribute("count", notes.count());
		return "index";
	}

	@GetMapping("/api/notes")
	@ResponseBody
	List<Note> list() {
		return notes.findAll();
	}

}
