package io.grassroots.shared;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.grassroots.shared.web.PagesRehearsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded (single-user, development and demo) server small while it waits: once it is ready it lets the
 * heap shrink to about its live data, gives what start-up grew back to the operating system, and from then on lets
 * an idle heap be collected and shrunk every few minutes. On by {@code grassroots.memory.compact-when-idle} (the
 * embedded defaults of application.properties), off in production, where the JVM options of the deployment decide.
 *
 * <p>
 * A plain {@code java -jar} takes no JVM options, so the settings are made here, at run time, through the JVM's
 * manageable flags (decision 0012): {@code MinHeapFreeRatio}/{@code MaxHeapFreeRatio} (how much free heap a
 * collection leaves committed; the JVM's 40/70 keep up to 3.3 × the live data), {@code G1PeriodicGCInterval} (a
 * collection of an idle G1 heap, which then shrinks by those ratios); then one full collection and a trim of the C
 * heap ({@code System.trim_native_heap}), on a thread of its own so that readiness does not wait for them.
 */
@Component
@ConditionalOnBooleanProperty("grassroots.memory.compact-when-idle")
class IdleFootprint implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(IdleFootprint.class);

	/** Free heap a collection leaves committed, at least and at most, in per cent of the heap. */
	static final int MIN_FREE = 10;

	static final int MAX_FREE = 30;

	/** How often an idle G1 heap is collected (and shrunk), in milliseconds. */
	static final long PERIODIC_COLLECTION_MILLIS = 5 * 60 * 1000;

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		var settings = apply();
		var compaction = new Thread(IdleFootprint::compact, "idle-footprint");
		compaction.setDaemon(true);
		compaction.start();
		log.info("Embedded memory settings: {}", settings);
	}

	/**
	 * Pages rehearsed after ready (decision 0036) leave their garbage in a heap compacted before them: compacted again
	 * once they are over.
	 */
	@EventListener
	void compactAfterRehearsal(PagesRehearsed rehearsed) {
		if (rehearsed.afterReady()) {
			compact();
		}
	}

	/** Sets the manageable flags; returns what each flag is now (or why it is not). */
	static Map<String, String> apply() {
		var settings = new LinkedHashMap<String, String>();
		var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		// MinHeapFreeRatio first: the JVM refuses a MaxHeapFreeRatio below the current MinHeapFreeRatio.
		set(vm, "MinHeapFreeRatio", String.valueOf(MIN_FREE), settings);
		set(vm, "MaxHeapFreeRatio", String.valueOf(MAX_FREE), settings);
		set(vm, "G1PeriodicGCInterval", String.valueOf(PERIODIC_COLLECTION_MILLIS), settings);
		return settings;
	}

	private static void set(HotSpotDiagnosticMXBean vm, String flag, String value, Map<String, String> settings) {
		try {
			vm.setVMOption(flag, value);
			settings.put(flag, vm.getVMOption(flag).getValue());
		}
		catch (RuntimeException e) {
			// Another JVM, or the flag pinned by the command line: the JVM's own setting stays.
			settings.put(flag, "unchanged (" + e.getMessage() + ")");
		}
	}

	/** One full collection (which shrinks the heap by the ratios above), then the C heap trimmed. */
	static void compact() {
		System.gc();
		try {
			ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
						new Object[0], new String[0]);
		}
		catch (Exception e) {
			// Not every JVM and C library can trim; the heap was given back all the same.
			log.debug("No native heap trim: {}", e.toString());
		}
	}

}
