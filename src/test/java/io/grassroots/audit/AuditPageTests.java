package io.grassroots.audit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.Jobs;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit page: the newest entries, filtered by stream, one stream's chain, and a verification job.
 */
@IntegrationTest
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	Jobs jobs;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	@Test
	void anAdministratorReadsEntriesAndStreamsAndVerifiesTheChains() throws Exception {
		var accounts = TestAccounts.in(context);
		var admin = accounts.open("audit-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
		var stream = "page-test/" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> audit
			.record(new AuditRecord(stream, "test.written", "tester", "测试员", Map.of("note", "<script>x</script>"))));

		mvc.perform(get("/admin/audit?prefix=page-test/").with(accounts.console(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(stream)))
			.andExpect(content().string(containsString("&lt;script&gt;")));
		mvc.perform(get("/admin/audit/stream").param("name", stream).with(accounts.console(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("test.written")));
		mvc.perform(get("/admin/audit/stream").param("name", "page-test/none").with(accounts.console(admin)))
			.andExpect(status().isNotFound());

		var location = mvc.perform(post("/admin/audit/verify").with(accounts.console(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(id).orElseThrow().finished());
		mvc.perform(get(location).with(accounts.console(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"audit-intact\"")));
	}

}
