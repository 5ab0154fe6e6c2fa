package io.grassroots.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import com.github.benmanes.caffeine.cache.Cache;
import io.grassroots.shared.Caches;
import io.grassroots.shared.NavigationItem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Builds the {@link Ui} of a console page. The console's view ({@link TemplateViews}) adds it to the model of every
 * template it renders, so only requests that render a page build one: a {@code @ModelAttribute} advice on
 * {@code @Controller} also matched every {@code @RestController} (a meta-annotated {@code @Controller}), and each
 * API request scanned its controller's annotations and built a {@code Ui} it never used.
 */
@Component
class UiFactory {

	private final MessageSource messages;

	private final List<NavigationItem> navigation;

	private final boolean demo;

	/** Looked-up texts without arguments, by locale (the keys are the code's own; the bound guards against a mistake). */
	private final Map<Locale, Cache<String, String>> texts = new ConcurrentHashMap<>();

	/** Labels of enum constants, by locale. */
	private final Map<Locale, Map<Enum<?>, String>> labels = new ConcurrentHashMap<>();

	/** The navigation groups by set of roles (the items and their labels' keys do not depend on the locale). */
	private final Map<java.util.Set<String>, List<Ui.NavigationGroup>> navigationByRoles = new ConcurrentHashMap<>();

	UiFactory(MessageSource messages, List<NavigationItem> navigation,
			@Value("${grassroots.demo.enabled:false}") boolean demo) {
		this.messages = messages;
		this.navigation = List.copyOf(navigation);
		this.demo = demo;
	}

	Ui create(HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var flash = RequestContextUtils.getInputFlashMap(request);
		var notice = flash == null ? null : flash.get(Redirects.NOTICE);
		return ui(locale, path, csrf, SecurityContextHolder.getContext().getAuthentication(),
				notice instanceof String key ? key : null);
	}

	private Ui ui(Locale locale, String path, CsrfToken csrf, Authentication authentication, String notice) {
		return new Ui(messages, locale, path, csrf, authentication, navigation, notice, demo,
				texts.computeIfAbsent(locale, l -> Caches.keptByCallers().maximumSize(20_000).build()),
				labels.computeIfAbsent(locale, l -> new ConcurrentHashMap<>()), navigationByRoles);
	}

	/**
	 * The {@link Ui} of a page rehearsed before the node is ready ({@link StartupRehearsal}): a made-up console user
	 * who holds every role of the navigation, no request (the path is the workbench's, no CSRF token, no notice).
	 */
	Ui rehearsal(Locale locale) {
		var roles = navigation.stream()
			.flatMap(item -> item.roles().stream())
			.distinct()
			.map(role -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		ConsoleUser user = new RehearsalUser();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
		return ui(locale, "/cases/workbench", null, authentication, null);
	}

	/** The console user of a rehearsal. */
	private record RehearsalUser() implements ConsoleUser {

		@Override
		public String displayName() {
			return "rehearsal";
		}

		@Override
		public String scopeLabel() {
			return "*";
		}

	}

}
