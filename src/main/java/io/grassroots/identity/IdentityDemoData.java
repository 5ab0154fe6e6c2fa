package io.grassroots.identity;

import java.util.Set;

import io.grassroots.shared.DemoData;

import org.springframework.stereotype.Component;

/**
 * One demo account per role, listed in the README, all with the same demo password.
 */
@Component
class IdentityDemoData implements DemoData {

	static final String PASSWORD = "Grassroots-2026";

	private final AccountProvisioning provisioning;

	/**
	 * {@link #PASSWORD} hashed with the delegating encoder's bcrypt (strength 10, what {@code encode} writes), once,
	 * when this line was written: the demo accounts are synthetic and their password is published in the README, so
	 * a salt shared by every demo database protects nothing that a fresh salt would, and the first start saves the
	 * one bcrypt hash it still computed (decision 0013). Real accounts are hashed with a fresh salt each, as before.
	 */
	static final String PASSWORD_HASH = "{bcrypt}$2a$10$A2i231ujHpzHapsCErb6.e2J0Zp4GJuIZtBCCJVG96U0FKh/68ih2";

	IdentityDemoData(AccountProvisioning provisioning) {
		this.provisioning = provisioning;
	}

	@Override
	public String name() {
		return "identity.demo-accounts";
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public void load() {
		account("admin", "系统管理员", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
		account("dispatcher", "宁边路街道调度员", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		account("handler", "昌吉市市场监管局处置员", Role.DEPARTMENT_HANDLER, DataScope.Kind.DEPARTMENT,
				"652301000000:MARKET_SUPERVISION");
		account("water", "昌吉市水利局处置员", Role.DEPARTMENT_HANDLER, DataScope.Kind.DEPARTMENT, "652301000000:WATER");
		account("supervisor", "昌吉市督办员", Role.SUPERVISOR, DataScope.Kind.REGION, "652301000000");
		account("community", "西街社区干部", Role.COMMUNITY_STAFF, DataScope.Kind.REGION, "652301001001");
		account("gridworker", "西街社区网格员", Role.GRID_WORKER, DataScope.Kind.REGION, "652301001001");
		account("cadre", "州委组织部组工干部", Role.ORGANISATION_CADRE, DataScope.Kind.REGION, "652300000000");
	}

	private void account(String username, String displayName, Role role, DataScope.Kind kind, String reference) {
		provisioning.ensureEncoded(username, displayName, () -> PASSWORD_HASH, Set.of(role), kind, reference);
	}

}
