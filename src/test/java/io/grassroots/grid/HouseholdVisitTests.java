package io.grassroots.grid;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@RecordApplicationEvents
@WithUserDetails("gridworker")
class HouseholdVisitTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	Households households;

	@Autowired
	HouseholdVisits visits;

	@Autowired
	GridNetwork network;

	@Autowired
	ApplicationEvents events;

	MockMvc mvc;

	GridId grid;

	@BeforeEach
	void setUp(@Autowired WebApplicationContext context) {
		mvc = SecuredMvc.of(context);
		grid = network.findByCode("652301001001001").orElseThrow().id();
	}

	HouseholdView newElderlyHousehold(String room) {
		return households.register(grid, new HouseholdForm("9号楼", "西街社区9号楼（测试）", "1单元", room, "走访测试",
				1, null, null, Set.of(HouseholdTag.ELDERLY_ALONE)));
	}

	@Test
	void anElderlyHouseholdIsDueMonthlyAndAVisitMovesItsDueDate() {
		var household = newElderlyHousehold("901");
		var today = LocalDate.now(BeijingTime.ZONE);
		var before = visits.due(grid).stream().filter(d -> d.household().equals(household.id())).findFirst().orElseThrow();
		assertThat(before.intervalDays()).isEqualTo(30);
		assertThat(before.lastVisit()).isNull();
		assertThat(before.dueOn()).isEqualTo(today.plusDays(30));
		visits.record(household.id(), new VisitForm(null, null, "一切正常", false), PNG);
		var after = visits.due(grid).stream().filter(d -> d.household().equals(household.id())).findFirst().orElseThrow();
		assertThat(after.lastVisit()).isEqualTo(today);
		assertThat(visits.ofHousehold(household.id())).singleElement().satisfies(v -> assertThat(v.hasPhoto()).isTrue());
		assertThat(events.stream(VisitFindingReported.class)).isEmpty();
	}

	@Test
	void aFindingReportedAsACaseIsPublishedForTheCaseModule() {
		var household = newElderlyHousehold("902");
		var visit = visits.record(household.id(), new VisitForm(null, "楼道", "楼道堆放杂物，存在消防隐患", true), null);
		assertThat(events.stream(VisitFindingReported.class)).singleElement().satisfies(e -> {
			assertThat(e.visit()).isEqualTo(visit.id());
			assertThat(e.grid()).isEqualTo(grid);
			assertThat(e.community().value()).isEqualTo("652301001001");
			assertThat(e.findings()).contains("消防隐患");
		});
	}

	@Test
	void aPhotoThatIsNotAnImageIsRefusedWhateverItsName() {
		var household = newElderlyHousehold("903");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> visits.record(household.id(), new VisitForm(null, null, "x", false),
					"<script>alert(1)</script>".getBytes()))
			.satisfies(e -> assertThat(e.messageKey()).isEqualTo("grid.photo.notAnImage"));
		assertThat(visits.ofHousehold(household.id())).isEmpty();
	}

	@Test
	void aVisitCannotBeInTheFutureNorReportNothing() {
		var household = newElderlyHousehold("904");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> visits.record(household.id(),
				new VisitForm(java.time.LocalDateTime.now(BeijingTime.ZONE).plusDays(2), null, null, false), null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> visits.record(household.id(), new VisitForm(null, null, " ", true), null));
	}

	@Test
	void theGridWorkersPhonePageListsOnlyTheirOwnGridsDueVisits() throws Exception {
		var due = visits.dueThisWeek(Optional.empty());
		assertThat(due).isNotEmpty().allSatisfy(d -> assertThat(d.grid()).isEqualTo(grid));
		assertThat(due).allSatisfy(d -> assertThat(d.dueOn()).isBeforeOrEqualTo(LocalDate.now(BeijingTime.ZONE).plusDays(7)));
		mvc.perform(get("/visits/due")).andExpect(status().isOk()).andExpect(content().string(containsString("due-list")));
	}

	@Test
	@WithUserDetails("community")
	void communityStaffSeeWhatIsDueAcrossTheirCommunity() {
		var due = visits.dueThisWeek(Optional.empty());
		assertThat(due).isNotEmpty()
			.allSatisfy(d -> assertThat(network.find(d.grid()).orElseThrow().community().value()).isEqualTo("652301001001"));
		assertThat(due).extracting(DueVisit::grid).contains(grid);
	}

	@Test
	void theConsoleRecordsAVisitWithAPhoto() throws Exception {
		var household = newElderlyHousehold("905");
		mvc.perform(multipart("/households/" + household.id() + "/visits")
				.file(new MockMultipartFile("photo", "p.png", "image/png", PNG))
				.param("findings", "门锁损坏")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/households/" + household.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString("门锁损坏")));
		mvc.perform(multipart("/households/" + household.id() + "/visits")
				.file(new MockMultipartFile("photo", "p.png", "image/png", "not an image".getBytes()))
				.with(csrf()))
			.andExpect(status().isBadRequest());
	}

}
