package cn.gov.linfen.fenhe.workbench;

/**
 * Sends a stored notification out of the platform (SMS, DingTalk, e-mail…), called after the
 * transaction that stored it has committed, never before (a rolled-back action sends nothing). A
 * sender must not throw: a failure to send is its own to log or retry. The platform's default is
 * {@link LoggingNotificationSender}; a bean of this type replaces it.
 */
public interface NotificationSender {

  void send(Notification notification);
}
