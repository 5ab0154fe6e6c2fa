package io.grassroots.shared;

import java.util.Set;

/**
 * One entry of the console's navigation, contributed by the module that owns the page as a bean. The console shows
 * an entry only to accounts that hold one of its roles (an empty set means every signed-in account).
 *
 * @param section the menu it belongs to: one of {@link Section}
 * @param labelKey message key of its label
 * @param path where it leads
 * @param order position within the section
 * @param roles role names allowed to see it, without the {@code ROLE_} prefix
 */
public record NavigationItem(Section section, String labelKey, String path, int order, Set<String> roles) {

	public NavigationItem {
		roles = Set.copyOf(roles);
	}

	public enum Section {

		WORK, NETWORK, SUPERVISION, REGISTERS, ADMINISTRATION

	}

}
