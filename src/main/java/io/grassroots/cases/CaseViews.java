package io.grassroots.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.identity.Actor;
import io.grassroots.identity.Role;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.PersonalData;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Builds what the pages show of a case: the full view for a viewer (personal data masked unless the viewer's role
 * calls residents back), and the public tracking view without personal data or staff names.
 */
@Component
class CaseViews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CaseRepository cases;

	private final AssistStore assists;

	private final AttachmentStore attachments;

	private final CaseHistory history;

	private final CaseAccess access;

	private final CaseActions actions;

	private final CaseClocks clocks;

	private final CaseNames names;

	private final DuplicateFinder duplicates;

	private final PersonalData personalData;

	CaseViews(CaseRepository cases, AssistStore assists, AttachmentStore attachments, CaseHistory history,
			CaseAccess access, CaseActions actions, CaseClocks clocks, CaseNames names, DuplicateFinder duplicates,
			PersonalData personalData) {
		this.cases = cases;
		this.assists = assists;
		this.attachments = attachments;
		this.history = history;
		this.access = access;
		this.actions = actions;
		this.clocks = clocks;
		this.names = names;
		this.duplicates = duplicates;
		this.personalData = personalData;
	}

	void requireVisible(Actor actor, Case subject) {
		if (!access.canSee(actor, subject, () -> assists.of(subject.id()))) {
			throw new ForbiddenException("problem.outsideScope");
		}
	}

	CaseView view(Actor actor, Case c, Instant now) {
		var parts = assists.of(c.id());
		if (!access.canSee(actor, c, () -> parts)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		var clear = actor.hasAny(Role.DISPATCHER, Role.COMMUNITY_STAFF);
		var merged = cases.findMergedInto(c.id()).stream().map(m -> reporter(m, clear)).toList();
		var likely = c.status().isOpen() && actor.has(Role.DISPATCHER) ? rows(duplicates
			.find(c.matter().category(), c.place().longitude(), c.place().latitude(), c.place().region(), now, c.id())
			.stream().limit(5).toList(), now) : List.<CaseRow>of();
		return new CaseView(CaseSummary.of(c, now, false), c.matter().description(), c.place().address(),
				c.place().longitude(), c.place().latitude(), names.categoryPath(c.matter().category()),
				names.region(c.place().region()), names.department(c.origin().suggestedDepartment()),
				names.department(c.leadDepartment()),
				parts.stream().map(p -> new CaseView.AssistView(names.department(p.department()), p.reportedAt())).toList(),
				reporter(c, clear), c.origin().confidential(), c.milestones(), c.tally(), c.pendingExtension(),
				c.outcome(), clocks.left(c.matter(), c.place(), c.clock(), now).toMinutes(), attachments.of(c.id()),
				timeline(c.id()), actions.available(actor, c, () -> parts, now), mergedCode(c), likely, merged);
	}

	TrackingView tracking(Case c, Instant now) {
		var steps = history.of(c.id()).stream()
			.map(e -> new TrackingView.Step(e.at(), e.action(), status(details(e.details()).get("to"))))
			.toList();
		var evaluable = c.status() == CaseStatus.CLOSED && c.clock() != null && c.clock().dueAt() != null
				&& !now.isAfter(c.clock().dueAt());
		var outcome = c.outcome();
		return new TrackingView(c.origin().trackingCode(), c.matter().title(), names.category(c.matter().category()),
				names.region(c.place().region()), c.status(), c.milestones().reportedAt(), c.milestones().closedAt(),
				steps, evaluable, outcome == null ? null : outcome.rating(), outcome == null ? null : outcome.resolved());
	}

	Optional<byte[]> attachment(CaseId id, UUID attachment) {
		return attachments.content(id, attachment);
	}

	List<ReporterContact> contacts(Case c) {
		var all = new java.util.ArrayList<ReporterContact>();
		all.add(contact(c, false));
		cases.findMergedInto(c.id()).forEach(m -> all.add(contact(m, true)));
		return all.stream().filter(r -> r.phone() != null || r.name() != null).toList();
	}

	private ReporterContact contact(Case c, boolean merged) {
		var r = c.origin().reporter();
		return new ReporterContact(c.id(), c.origin().trackingCode(), personalData.decrypt(r.reporterName()),
				personalData.decrypt(r.reporterPhone()), merged);
	}

	private CaseView.Reporter reporter(Case c, boolean clear) {
		var r = c.origin().reporter();
		if (r.anonymous()) {
			return new CaseView.Reporter("", "", true, false);
		}
		var name = personalData.decrypt(r.reporterName());
		var phone = personalData.decrypt(r.reporterPhone());
		return clear ? new CaseView.Reporter(nullToEmpty(name), nullToEmpty(phone), false, false)
				: new CaseView.Reporter(PersonalData.maskName(name), PersonalData.maskPhone(phone), false, true);
	}

	private List<TimelineEntry> timeline(CaseId id) {
		return history.of(id).stream().map(e -> {
			var details = details(e.details());
			return new TimelineEntry(e.seq(), e.at(), e.action(), e.actorName(), status(details.get("from")),
					status(details.get("to")), (String) details.get("note"), details);
		}).toList();
	}

	/** The rows of these cases, in this order, read in one statement. */
	private List<CaseRow> rows(List<CaseId> ids, Instant now) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var found = new java.util.HashMap<CaseId, Case>();
		cases.findAllById(ids).forEach(c -> found.put(c.id(), c));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).map(c -> row(c, now)).toList();
	}

	private CaseRow row(Case c, Instant now) {
		return new CaseRow(c.id(), c.origin().trackingCode(), c.matter().title(),
				c.origin().channel(), c.status(), c.tier(), c.matter().urgency(), names.category(c.matter().category()),
				names.region(c.place().region()), names.department(c.leadDepartment()),
				names.department(c.origin().suggestedDepartment()), c.origin().suspectedDuplicate(),
				c.origin().confidential(), c.clock() == null ? TrafficLight.NONE : c.clock().light(now),
				clocks.left(c.matter(), c.place(), c.clock(), now).toMinutes(),
				c.clock() == null ? null : c.clock().dueAt(), c.milestones().reportedAt(), c.pendingExtension() != null,
				c.version());
	}

	private String mergedCode(Case c) {
		return c.mergedInto() == null ? null
				: cases.findById(c.mergedInto()).map(m -> m.origin().trackingCode()).orElse(null);
	}

	private static Map<String, Object> details(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	private static CaseStatus status(Object name) {
		return name == null ? null : java.util.Arrays.stream(CaseStatus.values())
			.filter(s -> s.name().equals(name.toString()))
			.findFirst()
			.orElse(null);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
