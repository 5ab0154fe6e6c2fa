package io.grassroots.shared;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server gives the heap that start-up grew back and lets an idle heap shrink to about its live data;
 * production leaves heap sizing to the deployment's JVM options.
 */
class IdleFootprintTests {

	private static final List<String> FLAGS = List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval");

	@Test
	void anIdleEmbeddedHeapShrinksToAboutItsLiveDataAndIsCollectedPeriodically() {
		var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		var before = FLAGS.stream().map(flag -> vm.getVMOption(flag).getValue()).toList();
		try {
			var settings = IdleFootprint.apply();

			assertThat(settings).containsEntry("MinHeapFreeRatio", "10")
				.containsEntry("MaxHeapFreeRatio", "30")
				.containsEntry("G1PeriodicGCInterval", "300000");
			assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
			IdleFootprint.compact();
		}
		finally {
			// The test JVM's own settings back, larger bound first.
			vm.setVMOption("MaxHeapFreeRatio", before.get(1));
			vm.setVMOption("MinHeapFreeRatio", before.get(0));
			vm.setVMOption("G1PeriodicGCInterval", before.get(2));
		}
	}

	@Test
	void compactionIsOnForTheEmbeddedRunAndOffInProduction() throws IOException {
		var embedded = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		var prod = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-prod.properties"));

		assertThat(embedded.getProperty("grassroots.memory.compact-when-idle")).isEqualTo("true");
		assertThat(prod.getProperty("grassroots.memory.compact-when-idle")).isEqualTo("false");
	}

}
