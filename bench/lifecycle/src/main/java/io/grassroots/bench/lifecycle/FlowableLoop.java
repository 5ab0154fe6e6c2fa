package io.grassroots.bench.lifecycle;

import java.util.Map;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The BPMN baseline: the same closed loop as a Flowable 7 process (src/main/resources/case-lifecycle.bpmn20.xml) on
 * its own database of the same server, with Flowable's defaults (history level audit, schema created by the engine),
 * the async executor off (the handling deadline's timer is written, never due in the run). Driven the way a
 * task-list application drives it: start the process with the report's variables, then for each step find the
 * case's open task, claim it for the person acting and complete it with the step's variables.
 */
final class FlowableLoop implements Loop {

	private final Postgres postgres;

	private final String database;

	private final int poolSize;

	private final ReportPoints points;

	private DataSource dataSource;

	private ProcessEngine engine;

	private RuntimeService runtime;

	private TaskService tasks;

	FlowableLoop(Postgres postgres, String database, int poolSize, ReportPoints points) {
		this.points = points;
		this.postgres = postgres;
		this.database = database;
		this.poolSize = poolSize;
	}

	@Override
	public String name() {
		return "flowable";
	}

	@Override
	public String database() {
		return database;
	}

	@Override
	public void start() {
		dataSource = postgres.pool(database, poolSize);
		var configuration = new StandaloneProcessEngineConfiguration();
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setAsyncExecutorActivate(false);
		configuration.setHistoryLevel(HistoryLevel.AUDIT);
		engine = configuration.buildProcessEngine();
		engine.getRepositoryService().createDeployment().addClasspathResource("case-lifecycle.bpmn20.xml").deploy();
		runtime = engine.getRuntimeService();
		tasks = engine.getTaskService();
	}

	@Override
	public void lifecycle(long n) {
		var lap = System.nanoTime();
		var point = points.of(n);
		var instance = runtime.startProcessInstanceByKey("caseLifecycle", "BENCH" + n,
				Map.of("title", "无照游商占道 " + n, "description", "延安北路与北京南路交叉口有流动摊贩占道经营", "channel", "PHONE",
						"region", OurLoop.WEST_STREET.value(), "categoryCode", "E0501", "urgency", "NORMAL", "address",
						"延安北路", "longitude", point[0], "latitude", point[1]));
		var id = instance.getId();
		step(id, "dispatcher", Map.of("category", "CJT214/E0501", "urgency", "NORMAL", "complex", false));
		step(id, "dispatcher", Map.of("department", "market-652301", "gridGroup", "grid-652301001001",
				"handleLimit", "P7D"));
		var handle = tasks.createTaskQuery().processInstanceId(id).singleResult();
		tasks.claim(handle.getId(), "handler");
		tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(),
				Map.of("result", "已劝离摊贩并宣传教育"));
		step(id, "gridworker", Map.of("passed", true, "verifyNote", "现场已无摊贩"));
		step(id, "resident", Map.of("rating", "SATISFIED", "resolved", true, "comment", "谢谢"));
		steps.lap("lifecycle", lap);
	}

	@Override
	public Steps steps() {
		return steps;
	}

	@Override
	public String check() {
		var running = runtime.createProcessInstanceQuery().count();
		var ended = engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
		return ended + " processes ended, " + running + " still running";
	}

	/** One step: the case's open task, claimed by the person acting, completed with the step's variables. */
	private void step(String processInstance, String user, Map<String, Object> variables) {
		var task = tasks.createTaskQuery().processInstanceId(processInstance).singleResult();
		tasks.claim(task.getId(), user);
		tasks.complete(task.getId(), variables);
	}

	private final Steps steps = new Steps();

	@Override
	public void close() {
		if (engine != null) {
			engine.close();
		}
		Postgres.close(dataSource);
	}

}
