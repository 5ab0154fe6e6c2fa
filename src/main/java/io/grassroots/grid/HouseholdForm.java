package io.grassroots.grid;

import java.util.Set;

/**
 * A household as typed into the console or sent to the API.
 *
 * @param building the building's name within the grid (created when new), or blank
 * @param phone a mobile (11 digits) or landline number, or blank
 * @param idNumber an 18-character resident identity card number, or blank
 */
public record HouseholdForm(String building, String address, String unit, String room, String headName,
		Integer members, String phone, String idNumber, Set<HouseholdTag> tags) {
}
