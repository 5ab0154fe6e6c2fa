package io.grassroots.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

import io.grassroots.grid.index.PlacementIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Placement of a point in 100,000 grids: the product's {@link PlacementIndex} against a plain loop over every
 * polygon, and the time to build the index; one thread, one fork, same run. Two more figures for context: the
 * textbook design (a JTS STRtree of PreparedGeometry, written here as a baseline, not product code), and the product's
 * index with points drawn from a city-district-sized area (0.1° × 0.06°) instead of the whole network.
 */
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g", "-XX:ActiveProcessorCount=1" })
@Threads(1)
public class PlacementBenchmarks {

	static final int POINTS = 1 << 20;

	@State(Scope.Benchmark)
	public static class Network {

		List<PlacementIndex.Entry<Integer>> grids;

		Geometry[] polygons;

		PlacementIndex<Integer> index;

		double[][] points;

		double[][] districtPoints;

		STRtree strTree;

		int next;

		@Setup(Level.Trial)
		public void build() {
			grids = GeneratedNetwork.grids(20261126L);
			polygons = grids.stream().map(PlacementIndex.Entry::geometry).toArray(Geometry[]::new);
			index = PlacementIndex.build(grids);
			points = GeneratedNetwork.points(POINTS, 42L);
			districtPoints = GeneratedNetwork.points(POINTS, 43L);
			for (int k = 0; k < POINTS; k++) {
				districtPoints[0][k] = GeneratedNetwork.WEST + 0.45 + (districtPoints[0][k] - GeneratedNetwork.WEST) * 0.1;
				districtPoints[1][k] = GeneratedNetwork.SOUTH + 0.27 + (districtPoints[1][k] - GeneratedNetwork.SOUTH) * 0.1;
			}
			strTree = new STRtree();
			for (int i = 0; i < polygons.length; i++) {
				strTree.insert(polygons[i].getEnvelopeInternal(), new Prepared(i, PreparedGeometryFactory.prepare(polygons[i])));
			}
			strTree.build();
		}

		int nextPoint() {
			next = (next + 1) & (POINTS - 1);
			return next;
		}

	}

	private static final GeometryFactory FACTORY = new GeometryFactory();

	record Prepared(int id, PreparedGeometry geometry) {
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Integer indexedPlacement(Network network) {
		var k = network.nextPoint();
		return network.index.locate(network.points[0][k], network.points[1][k]);
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Warmup(iterations = 2, time = 2)
	@Measurement(iterations = 3, time = 2)
	public int plainLoopPlacement(Network network) {
		var k = network.nextPoint();
		var point = FACTORY.createPoint(new Coordinate(network.points[0][k], network.points[1][k]));
		var polygons = network.polygons;
		for (int i = 0; i < polygons.length; i++) {
			if (polygons[i].covers(point)) {
				return i;
			}
		}
		return -1;
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Integer indexedPlacementInADistrict(Network network) {
		var k = network.nextPoint();
		return network.index.locate(network.districtPoints[0][k], network.districtPoints[1][k]);
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public int strTreeOfPreparedGeometryBaseline(Network network) {
		var k = network.nextPoint();
		var point = FACTORY.createPoint(new Coordinate(network.points[0][k], network.points[1][k]));
		var found = new int[] { -1 };
		network.strTree.query(point.getEnvelopeInternal(), item -> {
			var prepared = (Prepared) item;
			if (found[0] < 0 && prepared.geometry().covers(point)) {
				found[0] = prepared.id();
			}
		});
		return found[0];
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 2)
	@Measurement(iterations = 5)
	public PlacementIndex<Integer> indexBuild(Network network) {
		return PlacementIndex.build(network.grids);
	}

	public static void main(String[] args) throws Exception {
		if (Arrays.asList(args).contains("--cpu-only")) {
			cpuTime();
			return;
		}
		var results = new Runner(new OptionsBuilder().include(PlacementBenchmarks.class.getSimpleName()).build()).run();
		var indexed = score(results, "indexedPlacement");
		var plain = score(results, "plainLoopPlacement");
		var build = score(results, "indexBuild");
		var district = score(results, "indexedPlacementInADistrict");
		var strTree = score(results, "strTreeOfPreparedGeometryBaseline");
		System.out.println();
		System.out.println("== Placement over " + GeneratedNetwork.COLUMNS * GeneratedNetwork.ROWS + " grid polygons, one thread ==");
		System.out.printf("product index, points over the whole network:   %,.0f look-ups/s%n", indexed);
		System.out.printf("plain loop over every polygon:                  %,.0f look-ups/s%n", plain);
		System.out.printf("ratio product index / plain loop:               %,.0f x%n", indexed / plain);
		System.out.printf("index build (100,000 polygons), mean of 5:      %,.0f ms%n", build);
		System.out.printf("(context) STRtree of PreparedGeometry baseline: %,.0f look-ups/s (product / baseline %.2f x)%n",
				strTree, indexed / strTree);
		System.out.printf("(context) product index, points in a district:  %,.0f look-ups/s%n", district);
		System.out.printf("targets (wall clock): >= 1,000,000 look-ups/s -> %s; build < 2,000 ms -> %s%n",
				indexed >= 1_000_000 ? "met" : "NOT met", build < 2_000 ? "met" : "NOT met");
		cpuTime();
	}

	/** The same comparison in CPU time of this one thread, medians of 5 rounds (see {@link CpuTime}). */
	static void cpuTime() {
		var network = new Network();
		network.build();
		IntUnaryOperator product = i -> {
			var k = i & (POINTS - 1);
			var found = network.index.locate(network.points[0][k], network.points[1][k]);
			return found == null ? -1 : found;
		};
		IntUnaryOperator district = i -> {
			var k = i & (POINTS - 1);
			var found = network.index.locate(network.districtPoints[0][k], network.districtPoints[1][k]);
			return found == null ? -1 : found;
		};
		var bench = new PlacementBenchmarks();
		IntUnaryOperator strTree = i -> {
			network.next = i;
			return bench.strTreeOfPreparedGeometryBaseline(network);
		};
		IntUnaryOperator plain = i -> {
			network.next = i;
			return bench.plainLoopPlacement(network);
		};
		var productRate = CpuTime.lookupsPerSecond(product, 2_000_000, 5);
		var districtRate = CpuTime.lookupsPerSecond(district, 2_000_000, 5);
		var strTreeRate = CpuTime.lookupsPerSecond(strTree, 1_000_000, 5);
		var plainRate = CpuTime.lookupsPerSecond(plain, 2_000, 5);
		var buildMillis = CpuTime.millis(() -> PlacementIndex.build(network.grids), 5);
		System.out.println();
		System.out.println("== The same in CPU time of one thread (median of 5 rounds) ==");
		System.out.printf("product index, points over the whole network:   %,.0f look-ups/s%n", productRate);
		System.out.printf("plain loop over every polygon:                  %,.0f look-ups/s%n", plainRate);
		System.out.printf("ratio product index / plain loop:               %,.0f x%n", productRate / plainRate);
		System.out.printf("index build (100,000 polygons):                 %,.0f ms%n", buildMillis);
		System.out.printf("(context) STRtree of PreparedGeometry baseline: %,.0f look-ups/s (product / baseline %.2f x)%n",
				strTreeRate, productRate / strTreeRate);
		System.out.printf("(context) product index, points in a district:  %,.0f look-ups/s%n", districtRate);
		System.out.printf("targets (CPU time): >= 1,000,000 look-ups/s -> %s; build < 2,000 ms -> %s%n",
				productRate >= 1_000_000 ? "met" : "NOT met", buildMillis < 2_000 ? "met" : "NOT met");
	}

	private static double score(java.util.Collection<RunResult> results, String method) {
		return results.stream()
			.filter(r -> r.getParams().getBenchmark().endsWith("." + method))
			.findFirst()
			.orElseThrow()
			.getPrimaryResult()
			.getScore();
	}

}
