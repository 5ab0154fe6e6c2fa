package io.grassroots.cases;

import io.grassroots.region.DepartmentKind;

/**
 * One node of a category standard.
 *
 * @param parent the parent's code, empty at the top
 * @param depth 1 at the top
 * @param departmentKind the kind of department that usually handles it, or empty
 * @param active false once a later import of the standard no longer lists it (cases keep pointing at it)
 */
public record Category(CategoryKey key, String parent, int depth, String name, DepartmentKind departmentKind,
		boolean active) {
}
