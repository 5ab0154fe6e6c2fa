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
		var parents = all.stream().map(Category::parent).filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		return all.stream()
			.filter(Category::active)
			.filter(c -> !parents.contains(c.key().code()))
			.map(c -> new CategoryOption(standard + ":" + c.key().code(), categories.path(c.key()), standard))
			.toList();
	}

}
