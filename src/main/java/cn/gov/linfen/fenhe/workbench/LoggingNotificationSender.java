package cn.gov.linfen.fenhe.workbench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link NotificationSender}: logs what an SMS or DingTalk gateway would send. */
public class LoggingNotificationSender implements NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotificationSender.class);

  @Override
  public void send(Notification notification) {
    LOG.info(
        "notification {} to {}: {} {} ({})",
        notification.kind().code(),
        notification.userId(),
        notification.title(),
        notification.businessKey() == null ? "" : notification.businessKey(),
        notification.id());
  }
}
