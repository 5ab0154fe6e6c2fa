package io.grassroots.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a console form goes after it succeeded. A plain form post gets an HTTP redirect; an htmx post gets an
 * {@code HX-Redirect}, so the browser loads the page instead of swapping it into the form. A notice (a message key)
 * is shown once on the next page.
 */
public final class Redirects {

	static final String NOTICE = "notice";

	private Redirects() {
	}

	/** The view name that sends the browser to {@code path}, for htmx and plain requests alike. */
	public static String to(HtmxRequest htmx, String path) {
		return (htmx != null && htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + path;
	}

	/** Like {@link #to}, and the next page shows the localized message {@code noticeKey}. */
	public static String withNotice(HtmxRequest htmx, RedirectAttributes attributes, String path, String noticeKey) {
		attributes.addFlashAttribute(NOTICE, noticeKey);
		return to(htmx, path);
	}

}
