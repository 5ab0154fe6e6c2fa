package io.grassroots.grid;

import java.util.Set;

/**
 * A household as a reader sees it: phone and ID numbers are in clear only for the roles that may see them (see
 * {@code GridAccess}), masked for everybody else.
 *
 * @param building the building's name, or {@code null}
 * @param personalDataVisible whether {@code phone} and {@code idNumber} are in clear
 * @param demo synthetic demo data
 */
public record HouseholdView(HouseholdId id, GridId grid, String building, String address, String unit, String room,
		String headName, int members, String phone, String idNumber, Set<HouseholdTag> tags,
		boolean personalDataVisible, boolean demo, long version) {

	public HouseholdView {
		tags = Set.copyOf(tags);
	}

}
