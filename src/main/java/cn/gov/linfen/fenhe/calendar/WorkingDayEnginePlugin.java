package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.common.FenheClock;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Teaches the engine working days: re-registers the {@code duration} calendar (timer {@code
 * timeDuration}) and the {@code dueDate} calendar (timer {@code timeDate}, user task {@code
 * dueDate} and {@code followUpDate}) with {@link WorkingDayBusinessCalendar}.
 */
public class WorkingDayEnginePlugin extends AbstractProcessEnginePlugin {

  private final WorkingDayCalendar calendar;

  private final FenheClock clock;

  public WorkingDayEnginePlugin(WorkingDayCalendar calendar, FenheClock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    BusinessCalendarManager manager = configuration.getBusinessCalendarManager();
    if (!(manager instanceof MapBusinessCalendarManager calendars)) {
      throw new IllegalStateException(
          "Unexpected business calendar manager "
              + manager
              + ": working-day deadlines (3WD) cannot be installed");
    }
    for (String name : new String[] {DurationBusinessCalendar.NAME, DueDateBusinessCalendar.NAME}) {
      calendars.addBusinessCalendar(
          name,
          new WorkingDayBusinessCalendar(calendar, calendars.getBusinessCalendar(name), clock));
    }
  }
}
