package cn.gov.linfen.fenhe.engine;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every case has a business key, shown wherever a person sees it. A case started without one (e.g.
 * from Tasklist) gets {@code <initials of the key>-<yyyyMMdd in Fenhe's time zone>-<6 characters>},
 * e.g. {@code SRF-20261128-7KQ2MX} for {@code soe-reform-fund}.
 */
public class BusinessKeyAssigner extends AbstractBpmnParseListener {

  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final FenheClock clock;

  public BusinessKeyAssigner(FenheClock clock) {
    this.clock = clock;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    String prefix = prefix(processDefinition.getKey());
    processDefinition.addListener(
        ExecutionListener.EVENTNAME_START,
        (ExecutionListener)
            execution -> {
              if (execution.getParentId() == null
                  && (execution.getProcessBusinessKey() == null
                      || execution.getProcessBusinessKey().isBlank())) {
                execution.setProcessBusinessKey(newKey(prefix, clock.today()));
              }
            });
  }

  static String prefix(String processKey) {
    return Arrays.stream(processKey.split("[^A-Za-z0-9]+"))
        .filter(s -> !s.isEmpty())
        .map(s -> s.substring(0, 1).toUpperCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  static String newKey(String prefix, LocalDate day) {
    StringBuilder random = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      random.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return prefix + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + random;
  }
}
