package io.grassroots.shared.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.NavigationItem;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The layout context every console template receives as {@code ui}: localized text, the signed-in user, the
 * navigation that user may see, and the CSRF token for forms and htmx requests.
 */
public final class Ui implements LocalizationSupport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(BeijingTime.ZONE);

	private final MessageSource messages;

	private final Locale locale;

	private final String path;

	private final CsrfToken csrf;

	private final Authentication authentication;

	private final List<NavigationItem> navigation;

	private final String notice;

	private final boolean demo;

	private final Cache<String, String> texts;

	private final Map<Enum<?>, String> labels;

	private final Map<Set<String>, List<NavigationGroup>> navigationByRoles;

	/** This request's roles, read from the authentication once. */
	private Set<String> roles;

	/**
	 * @param texts the texts without arguments already looked up in this locale, shared by every request (the
	 * message bundles do not change while the application runs; a queue of 50 rows looks up about 300 labels)
	 * @param labels the labels of enum constants already looked up in this locale, shared the same way (a map: there
	 * are only so many constants)
	 * @param navigationByRoles the navigation groups already worked out for a set of roles, shared by every request
	 * (the items do not change while the application runs, and accounts have only so many sets of roles)
	 */
	Ui(MessageSource messages, Locale locale, String path, CsrfToken csrf, Authentication authentication,
			List<NavigationItem> navigation, String notice, boolean demo, Cache<String, String> texts,
			Map<Enum<?>, String> labels, Map<Set<String>, List<NavigationGroup>> navigationByRoles) {
		this.navigationByRoles = navigationByRoles;
		this.texts = texts;
		this.labels = labels;
		this.messages = messages;
		this.locale = locale;
		this.path = path;
		this.csrf = csrf;
		this.authentication = authentication;
		this.navigation = navigation;
		this.notice = notice;
		this.demo = demo;
	}

	@Override
	public String lookup(String key) {
		return texts.get(key, k -> messages.getMessage(k, null, k, locale));
	}

	/** Localized text as HTML content; arguments are escaped. */
	public Content t(String key, Object... arguments) {
		return localize(key, arguments);
	}

	/** Localized plain text, for attributes and titles. */
	public String text(String key, Object... arguments) {
		return arguments == null || arguments.length == 0 ? lookup(key) : messages.getMessage(key, arguments, key, locale);
	}

	/** The localized label of an enum constant: {@code enum.<SimpleName>.<NAME>}. */
	public String label(Enum<?> value) {
		if (value == null) {
			return "";
		}
		var label = labels.get(value);
		if (label == null) {
			label = text("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
			labels.put(value, label);
		}
		return label;
	}

	/** A point in time as Beijing time, to the second: 2026-11-26 10:00:00; empty for {@code null}. */
	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	/**
	 * The message key of what the previous request achieved (set by {@link Redirects#withNotice}), shown once by the
	 * layout, or {@code null}.
	 */
	public String notice() {
		return notice;
	}

	/** Whether this installation runs with the (made-up) demo data. */
	public boolean demo() {
		return demo;
	}

	public String lang() {
		return locale.getLanguage().equals("en") ? "en" : "zh-CN";
	}

	public boolean english() {
		return "en".equals(locale.getLanguage());
	}

	public String path() {
		return path;
	}

	public String csrfHeader() {
		return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
	}

	public String csrfParameter() {
		return csrf == null ? "_csrf" : csrf.getParameterName();
	}

	public String csrfToken() {
		return csrf == null ? "" : csrf.getToken();
	}

	public boolean authenticated() {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof ConsoleUser;
	}

	public String userName() {
		return authenticated() ? ((ConsoleUser) authentication.getPrincipal()).displayName() : "";
	}

	public String scopeLabel() {
		return authenticated() ? scope(((ConsoleUser) authentication.getPrincipal()).scopeLabel()) : "";
	}

	/** A scope label as people read it: {@code *} (the whole country) becomes its localized name. */
	public String scope(String label) {
		return "*".equals(label) ? text("scope.everything") : label;
	}

	public boolean hasRole(String role) {
		return roles().contains(role);
	}

	private Set<String> roles() {
		if (roles == null) {
			roles = authentication == null ? Set.of()
					: authentication.getAuthorities()
						.stream()
						.map(GrantedAuthority::getAuthority)
						.filter(a -> a.startsWith("ROLE_"))
						.map(a -> a.substring(5))
						.collect(Collectors.toUnmodifiableSet());
		}
		return roles;
	}

	/**
	 * The navigation this user may see, grouped by section, in order; worked out once per set of roles (it was
	 * filtered, sorted and grouped again on every page).
	 */
	public List<NavigationGroup> navigation() {
		if (!authenticated()) {
			return List.of();
		}
		return navigationByRoles.computeIfAbsent(roles(), this::navigation);
	}

	private List<NavigationGroup> navigation(Set<String> roles) {
		var bySection = new EnumMap<NavigationItem.Section, List<NavigationItem>>(NavigationItem.Section.class);
		navigation.stream()
			.filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(roles::contains))
			.sorted(Comparator.comparingInt(NavigationItem::order))
			.forEach(item -> bySection.computeIfAbsent(item.section(), s -> new ArrayList<>()).add(item));
		return bySection.entrySet()
			.stream()
			.map(e -> new NavigationGroup("nav.section." + e.getKey().name(), List.copyOf(e.getValue())))
			.toList();
	}

	public boolean active(NavigationItem item) {
		return path.equals(item.path()) || path.startsWith(item.path() + "/");
	}

	public record NavigationGroup(String labelKey, List<NavigationItem> items) {
	}

}
