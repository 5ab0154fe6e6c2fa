package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.Categories;
import io.grassroots.cases.Category;
import io.grassroots.cases.CategoryStandard;

import org.springframework.stereotype.Component;

/** The categories forms offer: the active leaves of every standard, labelled with their path. */
@Component
class CategoryChoices {

	private final Categories categories;

	CategoryChoices(Categories categories) {
		this.categories = categories;
	}

	List<CategoryOption> all() {
		return categories.standards()
			.stream()
			.map(CategoryStandard::code)
			.flatMap(standard -> leaves(standard).stream())
			.toList();
	}

	List<CategoryOption> leaves(String standard) {
		var all = categories.of(standard);
		return all.stream()
			.filter(Category::active)
			.filter(c -> all.stream().noneMatch(o -> c.key().code().equals(o.parent())))
			.map(c -> new CategoryOption(standard + ":" + c.key().code(), categories.path(c.key()), standard))
			.toList();
	}

}
