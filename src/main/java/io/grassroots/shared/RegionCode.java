package io.grassroots.shared;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

/**
 * A 12-digit statistical division code (统计用区划代码). The code says its own level: a prefecture ends in eight
 * zeros, a county in six, a street or township in three. Every code under a region starts with that region's
 * significant prefix, so a subtree is a range of codes: that is how data scopes filter without recursive queries.
 * {@link #ROOT} (all zeros) stands for the whole country.
 */
public record RegionCode(@JsonValue String value) implements Identifier, Comparable<RegionCode> {

	private static final Pattern SHORT_CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");

	private static final String ZEROS = "000000000000";

	private static final int[] LEVEL_LENGTHS = { 2, 4, 6, 9, 12 };

	public static final RegionCode ROOT = new RegionCode("000000000000");

	public RegionCode {
		if (!twelveDigits(value)) {
			throw new IllegalArgumentException("A region code has 12 digits: " + value);
		}
	}

	/**
	 * Whether {@code value} is twelve ASCII digits ({@code \d{12}}), counted, not matched: every case row a work page
	 * reads names its region through this constructor, and a regular expression's matcher there was code that
	 * compiled and deoptimized late in a node's first requests (bench/RESULTS.md § pages, pages22).
	 */
	private static boolean twelveDigits(String value) {
		if (value == null || value.length() != 12) {
			return false;
		}
		for (var i = 0; i < 12; i++) {
			var c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	@JsonCreator
	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	/** Accepts a code of 2, 4, 6, 9 or 12 digits and right-pads it with zeros (6523 becomes 652300000000). */
	public static RegionCode padded(String shortCode) {
		if (shortCode == null || !SHORT_CODE.matcher(shortCode).matches()) {
			throw new IllegalArgumentException("A region code has 2, 4, 6, 9 or 12 digits: " + shortCode);
		}
		return new RegionCode(shortCode + ZEROS.substring(shortCode.length()));
	}

	public static boolean isValid(String value) {
		return twelveDigits(value);
	}

	/** The digits that matter: 65 for 650000000000, 652301001 for 652301001000, all twelve for a community. */
	public String prefix() {
		var length = prefixLength();
		return length == value.length() ? value : value.substring(0, length);
	}

	/**
	 * The length of {@link #prefix()}, without building it: deadlines walk up the levels of a place on every
	 * transition (the work calendar of the nearest region with its own), so this is counted, not allocated.
	 */
	private int prefixLength() {
		if (isRoot()) {
			return 0;
		}
		for (int length : LEVEL_LENGTHS) {
			if (zerosFrom(length)) {
				return length;
			}
		}
		return value.length();
	}

	private boolean zerosFrom(int index) {
		for (var i = index; i < value.length(); i++) {
			if (value.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

	/** 1 province, 2 prefecture, 3 county, 4 street or township, 5 community or village; 0 the root. */
	public int depth() {
		if (isRoot()) {
			return 0;
		}
		var length = prefixLength();
		for (int i = 0; i < LEVEL_LENGTHS.length; i++) {
			if (LEVEL_LENGTHS[i] == length) {
				return i + 1;
			}
		}
		return LEVEL_LENGTHS.length;
	}

	@JsonIgnore
	public boolean isRoot() {
		return value.equals(ROOT.value);
	}

	/** Whether {@code other} is this region or lies below it. */
	public boolean covers(RegionCode other) {
		return isRoot() || other.value.startsWith(prefix());
	}

	/** The smallest code of this subtree (inclusive), for range queries. */
	public String subtreeFrom() {
		return value;
	}

	/** The first code after this subtree (exclusive), for range queries: 652301 → 652302000000. */
	public String subtreeTo() {
		if (isRoot()) {
			return "9999999999999";
		}
		var length = prefixLength();
		// the prefix plus one, digit by digit (a scoped work page asks for this on every request: no BigInteger)
		var next = value.toCharArray();
		var i = length - 1;
		while (i >= 0 && next[i] == '9') {
			next[i--] = '0';
		}
		if (i < 0) {
			return value.substring(0, length) + "99999999999999".substring(0, 13 - length);
		}
		next[i]++;
		return new String(next);
	}

	/** The code of the level above, derived from the digits (a community's street, a street's county …). */
	public RegionCode parentByDigits() {
		var depth = depth();
		if (depth <= 1) {
			return ROOT;
		}
		var parentLength = LEVEL_LENGTHS[depth - 2];
		return new RegionCode(value.substring(0, parentLength) + ZEROS.substring(parentLength));
	}

	@Override
	public int compareTo(RegionCode other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}

}
