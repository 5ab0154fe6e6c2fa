package io.grassroots.cases.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import io.grassroots.cases.CaseSummary;
import io.grassroots.shared.InstantText;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * The JSON of intake: the {@link IntakeRequest} read and the {@link CaseSummary} that intake and transitions answer,
 * with a reader and a writer prepared once from the application's {@link JsonMapper} (so the same JSON, settings and
 * errors as Spring's Jackson converter, without resolving the type and looking up its (de)serializer per request).
 * The answer is written whole with its {@code Content-Length}: Spring MVC flushes the response after the converter,
 * which without a length commits it chunked and costs a second write of the terminating chunk. Boot puts converter
 * beans before its own, so this one is asked first and only answers for these two types. The answer's bytes are
 * written into a buffer its thread keeps ({@link Answer}) instead of a new builder and a copy of its bytes per answer,
 * its instants as {@link InstantText} writes them ({@link InstantAsText}: Jackson formats an instant through
 * {@code DateTimeFormatter.ISO_INSTANT}, ≈ 0.55 KB per instant, two per answer) and its UUIDs from a scratch array
 * ({@link UuidInScratch}), each when that is the mapper's text of every value tried at start (decision cases-49,
 * bench/RESULTS.md § intake, intake25).
 */
@Component
class IntakeJson implements HttpMessageConverter<Object> {

	private static final MediaType ANY_JSON = new MediaType("application", "*+json");

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, ANY_JSON);

	private final ObjectReader reader;

	private final ObjectWriter writer;

	/** Each request thread's buffer for the answer it writes: written, copied to the response, then reused. */
	private final ThreadLocal<Answer> answers = ThreadLocal.withInitial(Answer::new);

	IntakeJson(JsonMapper json) {
		this.reader = json.rebuild().addModule(DirectConstructor.MODULE).build().readerFor(IntakeRequest.class);
		this.writer = answerMapper(json).writerFor(CaseSummary.class);
	}

	/**
	 * The application's mapper, or a copy of it with {@link InstantAsText} and {@link UuidInScratch} for those of them
	 * that write the values tried at start exactly as the application's mapper does.
	 */
	static JsonMapper answerMapper(JsonMapper json) {
		var instants = InstantAsText.writesAsTheMapper(json);
		var uuids = UuidInScratch.writesAsTheMapper(json);
		if (!instants && !uuids) {
			return json;
		}
		var module = new SimpleModule("intake-answer");
		if (instants) {
			module.addSerializer(Instant.class, new InstantAsText());
		}
		if (uuids) {
			module.addSerializer(UUID.class, new UuidInScratch());
		}
		return json.rebuild().addModule(module).build();
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return JSON;
	}

	@Override
	public boolean canRead(Class<?> type, MediaType mediaType) {
		return type == IntakeRequest.class && (mediaType == null || MediaType.APPLICATION_JSON.includes(mediaType)
				|| ANY_JSON.includes(mediaType));
	}

	@Override
	public boolean canWrite(Class<?> type, MediaType mediaType) {
		if (type != CaseSummary.class) {
			return false;
		}
		// written in UTF-8 only; a caller asking for another charset is left to Spring's converter, as before
		return mediaType == null || (mediaType.getCharset() == null || StandardCharsets.UTF_8.equals(mediaType.getCharset()))
				&& (MediaType.APPLICATION_JSON.isCompatibleWith(mediaType) || ANY_JSON.isCompatibleWith(mediaType));
	}

	@Override
	public Object read(Class<?> type, HttpInputMessage input) throws IOException {
		var contentType = input.getHeaders().getContentType();
		var charset = contentType == null ? null : contentType.getCharset();
		var body = StreamUtils.nonClosing(input.getBody());
		try {
			// Jackson detects UTF-8, -16 and -32 itself; any other declared charset is decoded as declared
			return charset == null || charset.name().startsWith("UTF-") || charset.equals(StandardCharsets.US_ASCII)
					? reader.readValue(body) : reader.readValue(new InputStreamReader(body, charset));
		}
		catch (JacksonException e) {
			throw notReadable(e, () -> input);
		}
	}

	/**
	 * A report's body of {@code application/json} (no charset: Jackson detects the UTF it is in), read as
	 * {@link #read} reads it and failing with the same exceptions, without the {@link HttpInputMessage} that
	 * {@link #read} is handed (its headers are a copy of the request's) unless the body is bad.
	 */
	IntakeRequest readReport(HttpServletRequest request) throws IOException {
		try {
			return reader.readValue(StreamUtils.nonClosing(request.getInputStream()));
		}
		catch (JacksonException e) {
			throw notReadable(e, () -> new ServletServerHttpRequest(request));
		}
	}

	/** What Spring's Jackson converter throws for a body Jackson could not read. */
	private static RuntimeException notReadable(JacksonException e, Supplier<HttpInputMessage> input) {
		if (e instanceof InvalidDefinitionException definition) {
			return new HttpMessageConversionException("Type definition error: " + definition.getType(), e);
		}
		return new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input.get());
	}

	/**
	 * The summary as the UTF-8 bytes {@link #write} writes, for a caller that sets the headers itself (the fast
	 * path: no {@link HttpOutputMessage} with a copy of the headers to write back to the response). The bytes are in
	 * the calling thread's buffer: valid until the thread's next call, so written out before anything else.
	 */
	Answer summary(CaseSummary summary) {
		var answer = answers.get();
		answer.reset();
		try {
			writer.writeValue(answer, summary);
			return answer;
		}
		catch (JacksonException e) {
			throw new HttpMessageNotWritableException("Could not write JSON: " + e.getOriginalMessage(), e);
		}
	}

	@Override
	public void write(Object value, MediaType contentType, HttpOutputMessage output) throws IOException {
		var json = summary((CaseSummary) value);
		var headers = output.getHeaders();
		if (headers.getContentType() == null) {
			headers.setContentType(contentType == null || !contentType.isConcrete() ? MediaType.APPLICATION_JSON
					: contentType);
		}
		headers.setContentLength(json.size());
		json.writeTo(output.getBody());
		output.getBody().flush();
	}

	/** An answer's bytes in a buffer kept by its thread and grown as needed (one a few hundred bytes long). */
	static final class Answer extends OutputStream {

		/** A buffer grown beyond this by an unusually long answer is not kept for the next one. */
		private static final int KEPT = 16 * 1024;

		private byte[] bytes = new byte[1024];

		private int size;

		void reset() {
			if (bytes.length > KEPT) {
				bytes = new byte[1024];
			}
			size = 0;
		}

		int size() {
			return size;
		}

		void writeTo(OutputStream out) throws IOException {
			out.write(bytes, 0, size);
		}

		@Override
		public void write(int b) {
			room(1);
			bytes[size++] = (byte) b;
		}

		@Override
		public void write(byte[] b, int offset, int length) {
			Objects.checkFromIndexSize(offset, length, b.length);
			room(length);
			System.arraycopy(b, offset, bytes, size, length);
			size += length;
		}

		private void room(int more) {
			if (size + more > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
			}
		}

	}

	/**
	 * Instants written as the text {@link InstantText} makes — {@link Instant#toString()}'s, which is what Jackson's
	 * {@code InstantSerializer} writes with {@code DateTimeFormatter.ISO_INSTANT} when dates are not written as
	 * timestamps — without a formatter's print context, builder and field queries per instant. Used only when the
	 * application's mapper writes every instant tried at start as this text; otherwise the writer keeps Jackson's.
	 */
	static final class InstantAsText extends StdSerializer<Instant> {

		/** Whole seconds, milli-, micro- and nanoseconds, the epoch, before it, and the ends of four-digit years. */
		private static final List<Instant> TRIED = List.of(Instant.parse("2026-12-07T08:30:00Z"),
				Instant.parse("2026-12-07T08:30:00.120Z"), Instant.parse("2026-12-07T08:30:00.000123Z"),
				Instant.parse("2026-12-07T08:30:00.000000007Z"), Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
				Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
				Instant.ofEpochSecond(253_402_300_800L), Instant.ofEpochSecond(-62_167_219_201L, 5));

		private InstantAsText() {
			super(Instant.class);
		}

		static boolean writesAsTheMapper(JsonMapper json) {
			for (var at : TRIED) {
				if (!json.writeValueAsString(at).equals('"' + InstantText.of(at) + '"')) {
					return false;
				}
			}
			return true;
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(InstantText.of(value));
		}

	}

	/**
	 * UUIDs (a case's, its grid's, departments') written as the 36 characters of {@link UUID#toString()}, which is
	 * what Jackson's {@code UUIDSerializer} writes as text, from a scratch array the thread keeps instead of a new
	 * array per UUID (the generator copies the characters out). Used only when the application's mapper writes every
	 * UUID tried at start as this text.
	 */
	static final class UuidInScratch extends StdSerializer<UUID> {

		private static final char[] HEX = "0123456789abcdef".toCharArray();

		private static final List<UUID> TRIED = List.of(new UUID(0, 0), new UUID(-1, -1),
				UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"), new UUID(Long.MIN_VALUE, Long.MAX_VALUE),
				UUID.randomUUID());

		private final ThreadLocal<char[]> scratch = ThreadLocal.withInitial(() -> new char[36]);

		UuidInScratch() {
			super(UUID.class);
		}

		static boolean writesAsTheMapper(JsonMapper json) {
			for (var uuid : TRIED) {
				if (!json.writeValueAsString(uuid).equals('"' + uuid.toString() + '"')) {
					return false;
				}
			}
			return true;
		}

		@Override
		public void serialize(UUID value, JsonGenerator generator, SerializationContext context) {
			var chars = scratch.get();
			hex(value.getMostSignificantBits() >>> 32, 8, chars, 0);
			chars[8] = '-';
			hex(value.getMostSignificantBits() >>> 16, 4, chars, 9);
			chars[13] = '-';
			hex(value.getMostSignificantBits(), 4, chars, 14);
			chars[18] = '-';
			hex(value.getLeastSignificantBits() >>> 48, 4, chars, 19);
			chars[23] = '-';
			hex(value.getLeastSignificantBits(), 12, chars, 24);
			generator.writeString(chars, 0, 36);
		}

		/** The low {@code digits} hex digits of {@code bits}, lower case, into {@code chars} from {@code at}. */
		private static void hex(long bits, int digits, char[] chars, int at) {
			for (var i = at + digits - 1; i >= at; i--) {
				chars[i] = HEX[(int) bits & 0xf];
				bits >>>= 4;
			}
		}

	}

	/**
	 * The record's canonical constructor called through a handle that takes the argument array as it is. Jackson 3
	 * calls a creator with {@code MethodHandle.invokeWithArguments}, which looks up a generic method type and a
	 * spreading invoker on every call (≈ 2–3 % of an intake request's CPU, bench/RESULTS.md § intake, intake22); the
	 * same constructor, the same arguments Jackson collected, the same wrapping of a constructor's exception.
	 */
	static final class DirectConstructor extends StdValueInstantiator {

		/** For the readers of this package's records only: any other type keeps Jackson's instantiator. */
		static final JacksonModule MODULE = new SimpleModule("intake-direct-constructor") {

			@Override
			public void setupModule(SetupContext context) {
				super.setupModule(context);
				context.addValueInstantiators(new ValueInstantiators.Base() {

					@Override
					public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
							BeanDescription.Supplier description, ValueInstantiator instantiator) {
						return of(instantiator);
					}

				});
			}

		};

		private final MethodHandle constructor;

		private DirectConstructor(StdValueInstantiator instantiator, MethodHandle constructor) {
			super(instantiator);
			this.constructor = constructor;
		}

		/** Jackson's instantiator of a record of this package with its canonical constructor as the creator, else itself. */
		static ValueInstantiator of(ValueInstantiator instantiator) {
			if (instantiator.getClass() != StdValueInstantiator.class || !instantiator.getValueClass().isRecord()
					|| instantiator.getValueClass().getPackage() != DirectConstructor.class.getPackage()
					|| !(((StdValueInstantiator) instantiator).getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
				return instantiator;
			}
			try {
				var handle = MethodHandles.lookup().unreflectConstructor(creator.getAnnotated());
				return new DirectConstructor((StdValueInstantiator) instantiator,
						handle.asSpreader(Object[].class, handle.type().parameterCount())
							.asType(MethodType.methodType(Object.class, Object[].class)));
			}
			catch (IllegalAccessException e) {
				return instantiator;
			}
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) constructor.invokeExact(arguments);
			}
			catch (Throwable e) {
				return context.handleInstantiationProblem(getValueClass(), arguments, rewrapCtorProblem(context, e));
			}
		}

	}

}
