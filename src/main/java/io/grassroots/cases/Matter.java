package io.grassroots.cases;

import org.springframework.data.relational.core.mapping.Embedded;

/**
 * What a case is about: its title and text, category, urgency, and whether it was filed as complex.
 */
public record Matter(String title, String description,
		@Embedded.Nullable(prefix = "category_") CategoryKey category, Urgency urgency, boolean complex) {

	Matter classify(CategoryKey category, Urgency urgency, boolean complex) {
		return new Matter(title, description, category, urgency, complex);
	}

}
