package io.grassroots.identity;

import java.util.UUID;

import io.grassroots.shared.RegionCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DataScopeRulesTests {

	static final RegionCode CHANGJI_CITY = RegionCode.of("652301000000");

	static final RegionCode NINGBIANLU = RegionCode.of("652301001000");

	static final RegionCode XIJIE = RegionCode.of("652301001001");

	@Test
	void aRegionScopeCoversItsSubtreeAndNothingBesideOrAbove() {
		var street = DataScope.region(NINGBIANLU);
		assertThat(street.coversRegion(NINGBIANLU)).isTrue();
		assertThat(street.coversRegion(XIJIE)).isTrue();
		assertThat(street.coversRegion(RegionCode.of("652301002001"))).isFalse();
		assertThat(street.coversRegion(CHANGJI_CITY)).isFalse();
		assertThat(street.covers(DataScope.region(XIJIE))).isTrue();
		assertThat(street.covers(DataScope.region(CHANGJI_CITY))).isFalse();
	}

	@Test
	void theWholeCountryCoversEverything() {
		assertThat(DataScope.everything().covers(DataScope.department(UUID.randomUUID(), CHANGJI_CITY))).isTrue();
		assertThat(DataScope.everything().coversRegion(XIJIE)).isTrue();
	}

	@Test
	void aDepartmentCoversOnlyItselfThoughItSeesTheRegionsItServes() {
		var market = UUID.randomUUID();
		var scope = DataScope.department(market, CHANGJI_CITY);
		assertThat(scope.covers(DataScope.department(market, CHANGJI_CITY))).isTrue();
		assertThat(scope.covers(DataScope.department(UUID.randomUUID(), CHANGJI_CITY))).isFalse();
		assertThat(scope.covers(DataScope.region(XIJIE))).isFalse();
		assertThat(scope.coversRegion(XIJIE)).isTrue();
	}

	@Test
	void aRegionScopeCoversDepartmentsAndGridsInsideIt() {
		assertThat(DataScope.region(CHANGJI_CITY).covers(DataScope.department(UUID.randomUUID(), CHANGJI_CITY)))
			.isTrue();
		assertThat(DataScope.region(NINGBIANLU).covers(DataScope.department(UUID.randomUUID(), CHANGJI_CITY)))
			.isFalse();
		assertThat(DataScope.region(NINGBIANLU).covers(DataScope.grid(UUID.randomUUID(), XIJIE))).isTrue();
	}

	@Test
	void theReferenceNamesTheTarget() {
		var department = UUID.randomUUID();
		assertThat(DataScope.region(XIJIE).reference()).isEqualTo("652301001001");
		assertThat(DataScope.department(department, CHANGJI_CITY).reference()).isEqualTo(department.toString());
	}

	@Test
	void departmentAndGridScopesNameTheirTarget() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DataScope(DataScope.Kind.DEPARTMENT, CHANGJI_CITY, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new DataScope(DataScope.Kind.GRID, XIJIE, null, null));
	}

}
