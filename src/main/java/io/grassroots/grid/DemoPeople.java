package io.grassroots.grid;

import java.util.Random;

/** Synthetic names, phone numbers and ID numbers for the demo registers; nobody real. */
final class DemoPeople {

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林艾买阿热古";

	private static final String GIVEN = "建国秀英志强桂兰海燕春梅文华玉珍明亮晓东丽娜凤霞国庆永红";

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private final Random random;

	DemoPeople(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return random;
	}

	String name() {
		return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
				+ (random.nextBoolean() ? "" : GIVEN.charAt(random.nextInt(GIVEN.length())));
	}

	/** A mobile number in the 199 range, which demo data uses throughout. */
	String phone() {
		return "199" + String.format("%08d", random.nextInt(100_000_000));
	}

	/** A checksum-valid ID number of 昌吉市 (652301), born 1940–2005. */
	String idNumber() {
		var year = 1940 + random.nextInt(66);
		var body = "652301" + year + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
				+ String.format("%03d", random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * WEIGHTS[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

}
