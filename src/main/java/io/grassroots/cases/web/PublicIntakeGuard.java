package io.grassroots.cases.web;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.grassroots.cases.CasesProperties;
import io.grassroots.shared.Caches;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps public intake (the resident report page, the public API, ratings on the tracking page) affordable: each
 * address may send so many requests a minute (429 beyond), and no request may be larger than the limit (413).
 */
@Component
class PublicIntakeGuard extends OncePerRequestFilter {

	private final CasesProperties properties;

	private final MessageSource messages;

	private final Cache<String, Bucket> buckets = Caches.keptByCallers()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(100_000)
		.build();

	PublicIntakeGuard(CasesProperties properties, MessageSource messages) {
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod())
				|| !(path.startsWith("/api/public/") || path.startsWith("/public/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var length = request.getContentLengthLong();
		if (length > properties.publicIntakeMaxBytes() || length < 0 && request.getHeader("Transfer-Encoding") != null) {
			refuse(request, response, 413, "problem.tooLarge");
			return;
		}
		var bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(properties.publicIntakePerMinute())
				.refillGreedy(properties.publicIntakePerMinute(), Duration.ofMinutes(1))
				.build())
			.build());
		if (!bucket.tryConsume(1)) {
			refuse(request, response, 429, "cases.public.tooMany");
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
			throws IOException {
		var locale = LocaleContextHolder.getLocale();
		var title = messages.getMessage("problem.title." + status, null, String.valueOf(status), locale);
		var detail = messages.getMessage(key, null, key, locale);
		response.setStatus(status);
		if (request.getRequestURI().contains("/api/")) {
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + json(title)
					+ "\",\"detail\":\"" + json(detail) + "\"}");
		}
		else {
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write(title + ": " + detail);
		}
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
