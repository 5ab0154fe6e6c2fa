package io.grassroots.grid;

import java.util.List;

import io.grassroots.identity.Actor;
import io.grassroots.shared.DomainException;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;
import org.locationtech.jts.geom.Geometry;

/** One checked feature of a grid import. */
record GridRow(String code, RegionCode community, String name, GridKind kind, ManagementType type, Geometry shape) {

	/** Checks a feature; adds its problems and returns {@code null} when it is refused. */
	static GridRow check(String source, GeoJson.Feature feature, GridMapping mapping, GridCodes codes, Actor actor,
			List<Problem> problems) {
		var before = problems.size();
		var line = feature.number();
		var shape = ShapeCheck.read(feature.geometry(), mapping.system());
		shape.issues()
			.forEach(i -> problems.add(new Problem(source, line, "geometry", i.messageKey(),
					i.arguments().stream().map(String::valueOf).toList())));
		var code = feature.text(mapping.codeProperty());
		var communityText = feature.text(mapping.communityProperty());
		if (code != null && !code.matches("\\d{15}")) {
			problems.add(Problem.of(source, line, mapping.codeProperty(), "grid.import.badCode", code));
			code = null;
		}
		if (code != null && communityText != null && !code.startsWith(communityText)) {
			problems.add(Problem.of(source, line, mapping.codeProperty(), "grid.import.codeNotInCommunity", code,
					communityText));
		}
		if (code != null && communityText == null) {
			communityText = code.substring(0, 12);
		}
		if (communityText == null) {
			communityText = mapping.defaultCommunity();
		}
		var community = community(source, line, mapping, communityText, codes, actor, problems);
		var name = feature.text(mapping.nameProperty());
		var nameProblem = Texts.problem(name, 100, true);
		if (nameProblem != null) {
			problems.add(Problem.of(source, line, mapping.nameProperty(), nameProblem, 100));
		}
		var kindText = feature.text(mapping.kindProperty());
		var kind = kindText == null ? mapping.defaultKind() : GridMapping.kind(kindText);
		if (kind == null) {
			problems.add(Problem.of(source, line, mapping.kindProperty(), "grid.import.badKind", String.valueOf(kindText)));
		}
		var typeText = feature.text(mapping.typeProperty());
		var type = typeText == null ? mapping.defaultType() : GridMapping.type(typeText);
		if (type == null) {
			problems.add(Problem.of(source, line, mapping.typeProperty(), "grid.import.badType", String.valueOf(typeText)));
		}
		if (problems.size() > before) {
			return null;
		}
		return new GridRow(code, community, name.strip(), kind, type, shape.shape());
	}

	private static RegionCode community(String source, int line, GridMapping mapping, String text, GridCodes codes,
			Actor actor, List<Problem> problems) {
		if (text == null) {
			problems.add(Problem.of(source, line, mapping.communityProperty(), "grid.import.noCommunity"));
			return null;
		}
		try {
			var community = codes.community(mapping.communityProperty(), text);
			GridAccess.checkNetworkChange(actor, community);
			return community;
		}
		catch (DomainException e) {
			problems.add(Problem.of(source, line, mapping.communityProperty(),
					e.messageKey().equals("problem.outsideScope") ? "grid.import.outsideScope" : e.messageKey(), text));
			return null;
		}
	}

}
