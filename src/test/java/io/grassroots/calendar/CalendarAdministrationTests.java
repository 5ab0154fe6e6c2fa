package io.grassroots.calendar;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CalendarAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CalendarManagement management;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	WorkCalendars calendars;

	RequestPostProcessor as(String username) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername(username));
	}

	/** A county code of Xinjiang that no other test uses. */
	static String freshCounty() {
		return "65" + (9000 + ThreadLocalRandom.current().nextInt(999)) + "000000";
	}

	@Test
	void theShippedHolidayFilesAreLoadedAtStartUp() {
		var days = management.days(2025);
		assertThat(days).anySatisfy(d -> {
			assertThat(d.date()).isEqualTo(LocalDate.parse("2025-10-01"));
			assertThat(d.off()).isTrue();
		});
		assertThat(days).anySatisfy(d -> {
			assertThat(d.date()).isEqualTo(LocalDate.parse("2025-09-28"));
			assertThat(d.off()).isFalse();
		});
	}

	@Test
	void aRegionalHolidayMovesDeadlinesOfThatRegionOnly() throws Exception {
		var county = freshCounty();
		// Wednesday 2031-07-09 becomes a holiday in this county only.
		mvc.perform(post("/api/calendar/regional-days").contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"" + county + "\",\"from\":\"2031-07-09\",\"name\":\"古尔邦节\",\"off\":true}").with(as("admin")))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/calendar/deadline").param("region", county).param("start", "2031-07-08T19:00")
			.param("amount", "2").param("unit", "WORKING_HOURS").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deadline").value(startsWith("2031-07-10T03:00")));
		mvc.perform(get("/api/calendar/deadline").param("region", "650000000000").param("start", "2031-07-08T19:00")
			.param("amount", "2").param("unit", "WORKING_HOURS").with(as("admin")))
			.andExpect(jsonPath("$.deadline").value(startsWith("2031-07-09T03:00")));
	}

	@Test
	void aChangeOnThisNodeReachesACalendarAlreadyInUseAtTheNextCall() throws Exception {
		var county = freshCounty();
		// the county's calendar is built and kept: Wednesday 2031-07-09 is a working day
		mvc.perform(get("/api/calendar/deadline").param("region", county).param("start", "2031-07-08T19:00")
			.param("amount", "2").param("unit", "WORKING_HOURS").with(as("admin")))
			.andExpect(jsonPath("$.deadline").value(startsWith("2031-07-09T03:00")));

		mvc.perform(post("/api/calendar/regional-days").contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"" + county + "\",\"from\":\"2031-07-09\",\"name\":\"古尔邦节\",\"off\":true}").with(as("admin")))
			.andExpect(status().isCreated());

		// not a minute later (other nodes): at once, the kept calendar is not served
		mvc.perform(get("/api/calendar/deadline").param("region", county).param("start", "2031-07-08T19:00")
			.param("amount", "2").param("unit", "WORKING_HOURS").with(as("admin")))
			.andExpect(jsonPath("$.deadline").value(startsWith("2031-07-10T03:00")));
	}

	@Test
	void officeHoursOfARegionApplyToTheRegionsBelowIt() throws Exception {
		var county = freshCounty();
		mvc.perform(put("/api/calendar/hours/" + county).contentType(MediaType.APPLICATION_JSON)
			.content("{\"workdays\":\"MON,TUE,WED,THU,FRI,SAT\",\"seasons\":\"01-01 12-31 08:00-12:00\"}").with(as("admin")))
			.andExpect(status().isNoContent());
		// Saturday 2031-07-12, in a community of that county.
		mvc.perform(get("/api/calendar/deadline").param("region", county.substring(0, 6) + "001001")
			.param("start", "2031-07-12T07:00").param("amount", "1").param("unit", "WORKING_HOURS").with(as("admin")))
			.andExpect(jsonPath("$.deadline").value(startsWith("2031-07-12T01:00")));
	}

	@Test
	void theRegionsBelowARegionWithHoursOfItsOwnShareItsCalendarUntilOneHasItsOwn() throws Exception {
		var county = freshCounty();
		mvc.perform(put("/api/calendar/hours/" + county).contentType(MediaType.APPLICATION_JSON)
			.content("{\"workdays\":\"MON,TUE,WED,THU,FRI,SAT\",\"seasons\":\"01-01 12-31 08:00-12:00\"}").with(as("admin")))
			.andExpect(status().isNoContent());
		var community = RegionCode.of(county.substring(0, 6) + "001001");
		var neighbour = RegionCode.of(county.substring(0, 6) + "002003");

		var calendar = calendars.of(community);
		assertThat(calendar.region()).isEqualTo(RegionCode.of(county));
		assertThat(calendars.of(neighbour)).isSameAs(calendar);
		assertThat(calendars.of(RegionCode.of(county))).isSameAs(calendar);
		assertThat(calendars.of(community)).isSameAs(calendar);

		mvc.perform(put("/api/calendar/hours/" + community.value()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"workdays\":\"MON,TUE,WED,THU,FRI\",\"seasons\":\"01-01 12-31 09:00-17:00\"}").with(as("admin")))
			.andExpect(status().isNoContent());

		assertThat(calendars.of(community).region()).isEqualTo(community);
		assertThat(calendars.of(neighbour).region()).isEqualTo(RegionCode.of(county));
		assertThat(calendars.of(neighbour)).isSameAs(calendars.of(RegionCode.of(county)));
	}

	@Test
	void officeHoursThatLeaveAGapInTheYearAreRefusedAndNothingChanges() throws Exception {
		var county = freshCounty();
		mvc.perform(put("/api/calendar/hours/" + county).contentType(MediaType.APPLICATION_JSON)
			.content("{\"workdays\":\"MON\",\"seasons\":\"05-01 09-30 10:00-14:00\"}").with(as("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("seasons"));
		assertThat(management.officeHours()).doesNotContainKey(io.grassroots.shared.RegionCode.of(county));
	}

	@Test
	void aLaterYearsHolidayFileCanBeUploaded() throws Exception {
		var file = new MockMultipartFile("files", "2030.json", "application/json", """
				{"year": 2030, "papers": [], "days": [
				  {"name": "国庆节", "date": "2030-10-01", "isOffDay": true},
				  {"name": "国庆节", "date": "2030-09-29", "isOffDay": false}]}""".getBytes());
		mvc.perform(multipart("/api/calendar/holidays").file(file).with(as("admin"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.applied").value(true));
		assertThat(management.days(2030)).hasSize(2);
	}

	@Test
	void aBrokenHolidayFileIsRefusedWhole() throws Exception {
		var good = new MockMultipartFile("files", "2032.json", "application/json",
				"{\"year\": 2032, \"days\": [{\"name\": \"元旦\", \"date\": \"2032-01-01\", \"isOffDay\": true}]}".getBytes());
		var bad = new MockMultipartFile("files", "2033.json", "application/json",
				"{\"year\": 2033, \"days\": [{\"name\": \"元旦\", \"date\": \"2033-13-01\", \"isOffDay\": true}]}".getBytes());
		var text = new MockMultipartFile("files", "2034.json", "application/json", "not json at all".getBytes());
		mvc.perform(multipart("/api/calendar/holidays").file(good).file(bad).file(text).with(as("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(2)));
		assertThat(management.days(2032)).isEmpty();
	}

	@Test
	void onlyAdministratorsChangeTheCalendar() throws Exception {
		mvc.perform(post("/api/calendar/regional-days").contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"" + freshCounty() + "\",\"from\":\"2031-07-09\",\"name\":\"x\",\"off\":true}").with(as("dispatcher")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/calendar").with(as("dispatcher"))).andExpect(status().isForbidden());
	}

	@Test
	void badCalculatorInputIsABadRequest() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("region", "65").param("start", "2031-07-08T19:00")
			.param("amount", "2").param("unit", "WORKING_HOURS").with(as("dispatcher"))).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("region")));
		mvc.perform(get("/api/calendar/deadline").param("region", "650000000000").param("start", "yesterday")
			.param("amount", "2").param("unit", "WORKING_HOURS").with(as("dispatcher"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/calendar/deadline").param("region", "650000000000").param("start", "2031-07-08T19:00")
			.param("amount", "-2").param("unit", "WORKING_HOURS").with(as("dispatcher"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/calendar/deadline").param("region", "650000000000").param("start", "2031-07-08T19:00")
			.param("amount", "2").param("unit", "FORTNIGHTS").with(as("dispatcher"))).andExpect(status().isBadRequest());
	}

	@Test
	void theAdministrationPageShowsHoursAndDays() throws Exception {
		mvc.perform(get("/admin/calendar").param("year", "2025").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2025-10-01")))
			.andExpect(content().string(containsString("10:00-14:00,16:00-20:00")));
	}

}
