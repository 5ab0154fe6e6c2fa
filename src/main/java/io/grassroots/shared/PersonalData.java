package io.grassroots.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal data (residents' phone and ID numbers, reporters' contacts) at rest with AES-256-GCM, gives a
 * keyed hash for looking values up without decrypting them, and masks values for roles that may not see them (PIPL).
 */
@Component
public class PersonalData {

	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private final SecretKeySpec key;

	private final SecretKeySpec hashKey;

	/** A MAC per thread, initialised with the hash key once: looking a provider up on every call is not free. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	/** A cipher object per thread, initialised afresh (with a fresh IV) for every value. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalData::newCipher);

	public PersonalData(PersonalDataProperties properties) {
		if (properties.key() == null || properties.key().isBlank()) {
			throw new IllegalStateException(
					"grassroots.personal-data.key is not set: give a base64 256-bit key (GRASSROOTS_PERSONAL_DATA_KEY)");
		}
		var bytes = Base64.getDecoder().decode(properties.key().trim());
		if (bytes.length != 32) {
			throw new IllegalStateException("grassroots.personal-data.key must be 32 bytes (256 bits) in base64");
		}
		this.key = new SecretKeySpec(bytes, "AES");
		this.hashKey = new SecretKeySpec(bytes, "HmacSHA256");
	}

	/** Encrypts a value; {@code null} and blank stay {@code null}. */
	public String encrypt(String plain) {
		if (plain == null || plain.isBlank()) {
			return null;
		}
		try {
			var iv = new byte[IV_BYTES];
			SecureRandoms.current().nextBytes(iv);
			var cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			var bytes = plain.getBytes(StandardCharsets.UTF_8);
			// the IV, then the sealed value written after it: one array, no second copy
			var ivAndSealed = Arrays.copyOf(iv, IV_BYTES + cipher.getOutputSize(bytes.length));
			cipher.doFinal(bytes, 0, bytes.length, ivAndSealed, IV_BYTES);
			return PREFIX + Base64.getEncoder().encodeToString(ivAndSealed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot encrypt personal data", e);
		}
	}

	public String decrypt(String sealed) {
		if (sealed == null) {
			return null;
		}
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not an encrypted value");
		}
		try {
			var bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			var cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot decrypt personal data (wrong key?)", e);
		}
	}

	/** A keyed hash of a normalised value, for finding equal values without storing them in clear. */
	public String blindIndex(String plain) {
		if (plain == null || plain.isBlank()) {
			return null;
		}
		var normalised = withoutSeparators(plain).toUpperCase();
		// doFinal resets the MAC to its initialised state, ready for the next value
		return HexFormat.of().formatHex(macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	/**
	 * The value without white space ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage return) and
	 * hyphens, as {@code [\s-]} replaced by nothing; without a matcher per value (a phone on every intake).
	 */
	static String withoutSeparators(String value) {
		StringBuilder kept = null;
		for (var i = 0; i < value.length(); i++) {
			var c = value.charAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '-') {
				if (kept == null) {
					kept = new StringBuilder(value.length()).append(value, 0, i);
				}
			}
			else if (kept != null) {
				kept.append(c);
			}
		}
		return kept == null ? value : kept.toString();
	}

	private Mac newMac() {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot hash personal data", e);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot encrypt personal data", e);
		}
	}

	/** 13812345678 → 138****5678; other values keep their first and last characters. */
	public static String maskPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return "";
		}
		var p = phone.strip();
		if (p.length() < 7) {
			return "*".repeat(p.length());
		}
		return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
	}

	/** 652301199001011234 → 6523**********1234. */
	public static String maskIdNumber(String id) {
		if (id == null || id.isBlank()) {
			return "";
		}
		var s = id.strip();
		if (s.length() < 9) {
			return "*".repeat(s.length());
		}
		return s.substring(0, 4) + "*".repeat(s.length() - 8) + s.substring(s.length() - 4);
	}

	/** 张三丰 → 张**; for names shown to roles without the right to see them. */
	public static String maskName(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		var s = name.strip();
		return s.substring(0, s.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, s.codePointCount(0, s.length()) - 1));
	}

}
