package io.grassroots.region;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.grassroots.region.RegionImport.Upload;
import io.grassroots.shared.ImportReport.Problem;

/** Whether uploaded bytes are text a CSV reader should see: no binary content, strict UTF-8 (a BOM is dropped). */
final class CsvText {

	private CsvText() {
	}

	/** NUL bytes, or other control bytes than tab, line feed and carriage return, do not belong in a CSV file. */
	static boolean isBinary(byte[] content) {
		for (var b : content) {
			if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
				return true;
			}
		}
		return false;
	}

	static String decodeUtf8(Upload upload, List<Problem> problems) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var in = ByteBuffer.wrap(upload.content());
		var out = CharBuffer.allocate(upload.content().length + 1);
		var result = decoder.decode(in, out, true);
		if (result.isError()) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.notUtf8", in.position()));
			return null;
		}
		var text = out.flip().toString();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

}
