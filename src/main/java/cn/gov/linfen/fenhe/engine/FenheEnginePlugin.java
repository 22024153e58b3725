package cn.gov.linfen.fenhe.engine;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.engine.guard.EngineGuards;
import cn.gov.linfen.fenhe.engine.validation.StartValidationParseListener;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;

/**
 * Engine settings that Spring properties cannot express: the admin group, changed-only deployment
 * of processes/ and forms/, the guard that lets only admins deploy scripts, and the start checks of
 * the processes ({@link StartValidator}), the guards of every command ({@link EngineGuards}) and
 * the completer of an unclaimed task as its assignee ({@link CompleterAsAssignee}) and the external
 * tasks without a scope of their own where a model asks for it ({@link FlatExternalTasks}); on
 * PostgreSQL the plan cache of the engine's commands ({@link PlanCacheMode}); the decisions' FEEL
 * parsed once per text ({@link ParsedOnceFeelEngine}).
 */
public class FenheEnginePlugin implements ProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "fenhe";

  /** The high-volume process whose history is lean (P5's acts, docs/benchmarks.md). */
  public static final String LEAN_HISTORY_PROCESS = "supervision-act";

  private final List<StartValidator> startValidators;
  private final FenheClock clock;

  public FenheEnginePlugin(List<StartValidator> startValidators, FenheClock clock) {
    this.startValidators = List.copyOf(startValidators);
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAdminGroups(new ArrayList<>(List.of(FenheGroup.ADMINS.id())));
    // candidates may claim and complete a task, not change its due date or owner
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    // a new task's grants without the search for grants it cannot have yet
    if (configuration.getResourceAuthorizationProvider() == null) {
      configuration.setResourceAuthorizationProvider(new NewTaskGrants());
    }
    if (configuration instanceof SpringProcessEngineConfiguration spring) {
      spring.setDeployChangedOnly(true);
      spring.setDeploymentName(DEPLOYMENT_NAME);
    }
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new ScriptDeploymentGuard());
    listeners.add(new BusinessKeyAssigner(clock));
    listeners.add(new StartValidationParseListener(startValidators));
    listeners.add(new CompleterAsAssignee());
    listeners.add(new FlatExternalTasks());
    // one instance per executor: each remembers the transactions it has set on its threads; before
    // the guards, so that their reads (the task, its form and process definition) plan as the
    // command's
    configuration.setCustomPostCommandInterceptorsTxRequired(
        EngineGuards.with(
            configuration.getCustomPostCommandInterceptorsTxRequired(), new PlanCacheMode()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        EngineGuards.with(
            configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new PlanCacheMode()));
    EngineGuards.install(configuration);
    useParsedOnceFeel(configuration);
  }

  /** The decisions' FEEL parses each text once ({@link ParsedOnceFeelEngine}). */
  private static void useParsedOnceFeel(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return;
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      configuration.setDmnEngineConfiguration(ParsedOnceFeelEngine.dmnConfiguration());
    } else if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(ParsedOnceFeelEngine.factory(dmn));
    }
  }

  /**
   * Queries without an authorization join that filters nothing and command checks answered from the
   * caller's wildcard grants ({@link WildcardGrants}, {@link ExternalTaskAuthorizations}), the
   * officer's inbox and its count in SQL that PostgreSQL plans well ({@link CandidateGroupInbox}),
   * the tasks and the process instance of one case in statements of fixed text ({@link
   * OneCaseQueries}), a new row's id checked before its failure's message is written ({@link
   * IdCheckedEntityManager}), and level full, leaner for P5's acts ({@link LeanHistoryLevel}: what
   * it leaves out and why). Set once the configured level is resolved (the engine reads the level
   * from its configuration at every event); any other level is left as configured.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's authorization manager answering from wildcard grants (no answer changes)
    configuration
        .getSessionFactories()
        .put(
            AuthorizationManager.class,
            new GenericManagerFactory(ExternalTaskAuthorizations.class));
    // the engine's task manager with the inbox and its count in other SQL (same answers)
    configuration
        .getSessionFactories()
        .put(TaskManager.class, new GenericManagerFactory(CandidateGroupInbox.class));
    // a case's tasks and its process instance, followed by a caller the engine does not check:
    // statements of fixed text (same answers)
    OneCaseQueries.register(configuration);
    configuration
        .getSessionFactories()
        .put(ExecutionManager.class, new GenericManagerFactory(OneCaseExecutionManager.class));
    // the engine's entity manager, writing an invalid id's message only when there is one
    configuration
        .getSessionFactories()
        .put(
            DbEntityManager.class,
            new IdCheckedEntityManager.Factory(configuration.getIdGenerator()));
    HistoryLevel level = configuration.getHistoryLevel();
    if (level != null
        && level.getId() == HistoryLevel.HISTORY_LEVEL_FULL.getId()
        && !(level instanceof LeanHistoryLevel)) {
      configuration.setHistoryLevel(new LeanHistoryLevel(Set.of(LEAN_HISTORY_PROCESS)));
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {}
}
