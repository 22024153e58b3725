package cn.gov.linfen.fenhe.workers.example;

/**
 * The contract of processes/example/example-registration.bpmn (checked against the file by a test).
 */
public final class ExampleRegistrationProcess {

  public static final String KEY = "example-registration";

  private ExampleRegistrationProcess() {}

  public static final class Elements {
    public static final String START = "StartEvent_RegistrationSubmitted";
    public static final String REVIEW = "UserTask_ReviewRegistration";
    public static final String RECORD = "ServiceTask_RecordRegistration";
    public static final String END_REGISTERED = "EndEvent_Registered";
    public static final String END_REJECTED = "EndEvent_Rejected";

    private Elements() {}
  }

  public static final class Topics {
    public static final String RECORD_REGISTRATION = "example-record-registration";

    private Topics() {}
  }

  public static final class Variables {
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String CREDIT_CODE = "creditCode";
    public static final String APPROVED = "approved";
    public static final String OPINION = "opinion";
    public static final String REGISTRATION_NUMBER = "registrationNumber";

    private Variables() {}
  }
}
