package cn.gov.linfen.fenhe.engine.guard;

import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTelemetryDataCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.TelemetryConfigureCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * Fenhe's guards inside the engine: every command passes here, inside its command context, before
 * it runs — so they hold whichever way a command arrives (engine REST, the webapps' own API, the
 * platform API, the Java API). A refused command throws an {@link EngineRefusal} and writes
 * nothing.
 *
 * <ul>
 *   <li>queries and filters: no expression anywhere ({@link QueryExpressionGuard});
 *   <li>user tasks: only the holder acts, a completion changes only what its step owns ({@link
 *       TaskWorkGuard});
 *   <li>engine-wide settings and figures (telemetry, metrics): administrators only.
 * </ul>
 */
public class EngineGuardInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    check(command, Context.getCommandContext());
    return next.execute(command);
  }

  static void check(Command<?> command, CommandContext context) {
    if (command instanceof MetricsQueryImpl) {
      administratorsOnly(context, "metrics");
    } else if (command instanceof AbstractQuery<?, ?> query) {
      QueryExpressionGuard.check(query);
    } else if (command instanceof AbstractExecuteFilterCmd) {
      Query<?, ?> extending = CommandFields.read(command, "extendingQuery");
      QueryExpressionGuard.check(extending);
    } else if (command instanceof SaveFilterCmd) {
      Filter filter = CommandFields.read(command, "filter");
      if (filter != null) {
        QueryExpressionGuard.check(filter.getQuery());
      }
    } else if (command instanceof CompleteTaskCmd) { // complete and resolve
      Map<String, ?> variables = CommandFields.read(command, "variables");
      TaskWorkGuard.completion(context, CommandFields.read(command, "taskId"), variables);
    } else if (command instanceof SubmitTaskFormCmd) {
      Map<String, ?> variables = CommandFields.read(command, "properties");
      TaskWorkGuard.completion(context, CommandFields.read(command, "taskId"), variables);
    } else if (command instanceof PatchTaskVariablesCmd) {
      Map<String, ?> variables = CommandFields.read(command, "variables");
      Collection<String> deletions = CommandFields.read(command, "deletions");
      TaskWorkGuard.variableChange(
          context, CommandFields.read(command, "entityId"), variables, deletions);
    } else if (command instanceof SetTaskVariablesCmd) {
      Map<String, ?> variables = CommandFields.read(command, "variables");
      TaskWorkGuard.variableChange(
          context, CommandFields.read(command, "entityId"), variables, null);
    } else if (command instanceof RemoveTaskVariablesCmd) {
      Collection<String> names = CommandFields.read(command, "variableNames");
      TaskWorkGuard.variableChange(context, CommandFields.read(command, "entityId"), null, names);
    } else if (command instanceof TelemetryConfigureCmd || command instanceof GetTelemetryDataCmd) {
      administratorsOnly(context, "telemetry");
    }
  }

  private static void administratorsOnly(CommandContext context, String field) {
    Authentication user = context.getAuthentication();
    if (user != null
        && user.getUserId() != null
        && !context.getAuthorizationManager().isCamundaAdmin(user)) {
      throw EngineRefusal.forbidden(PlatformRefusal.ADMINISTRATORS_CHANGE_SETTING.at(field));
    }
  }
}
