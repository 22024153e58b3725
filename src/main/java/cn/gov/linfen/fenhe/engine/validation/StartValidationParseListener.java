package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds the start check to every process that has a {@link StartValidator}. */
public class StartValidationParseListener extends AbstractBpmnParseListener {

  private final Map<String, List<StartValidator>> validatorsByKey;

  public StartValidationParseListener(List<StartValidator> validators) {
    this.validatorsByKey =
        validators.stream().collect(Collectors.groupingBy(StartValidator::processKey));
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    List<StartValidator> validators = validatorsByKey.get(processDefinition.getKey());
    if (validators == null) {
      return;
    }
    processDefinition.addListener(
        ExecutionListener.EVENTNAME_START,
        (ExecutionListener)
            execution -> {
              if (execution.getParentId() != null) {
                return; // only the process instance's own start
              }
              List<FieldError> errors = new ArrayList<>();
              for (StartValidator validator : validators) {
                errors.addAll(validator.validate(execution.getVariables()));
              }
              if (!errors.isEmpty()) {
                throw new InvalidStartException(
                    processDefinition.getKey(), processDefinition.getName(), errors);
              }
            });
  }
}
