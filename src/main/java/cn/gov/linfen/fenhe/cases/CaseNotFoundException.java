package cn.gov.linfen.fenhe.cases;

/** No such case, or the caller does not take part in it. STUB until the lead's lands on main. */
public class CaseNotFoundException extends RuntimeException {
  public CaseNotFoundException(String businessKey) {
    super("no such case: " + businessKey);
  }
}
