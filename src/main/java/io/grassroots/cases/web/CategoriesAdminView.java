package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.Category;
import io.grassroots.cases.CategoryStandard;

/** The category administration page: the standards, the categories of the chosen one, and the import form. */
public record CategoriesAdminView(List<CategoryStandard> standards, String standard, List<Category> categories) {
}
