package io.grassroots.cases;

/**
 * A category of a category standard: {@code (CJT214, E0101)} is 私搭乱建 of the city-management events set.
 */
public record CategoryKey(String standard, String code) {

	public CategoryKey {
		if (standard == null || standard.isBlank() || code == null || code.isBlank()) {
			throw new IllegalArgumentException("A category names its standard and code");
		}
	}

	/** Whether this category is {@code other} or lies below it (codes extend their parent's code). */
	public boolean within(CategoryKey other) {
		return standard.equals(other.standard) && code.startsWith(other.code);
	}

	@Override
	public String toString() {
		return standard + ":" + code;
	}

}
