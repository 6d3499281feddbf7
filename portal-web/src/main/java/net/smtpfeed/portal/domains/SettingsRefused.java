package net.smtpfeed.portal.domains;

/**
 * The domain model refused the settings a customer asked for; nothing was changed. Checked, so that the EJB container
 * hands it to the page as it is (a runtime exception would come wrapped in an EJBException).
 */
public class SettingsRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public SettingsRefused(IllegalArgumentException rule) {
        super(rule.getMessage(), rule);
    }

    /** The rule's own exception, which says which rule it was. */
    public IllegalArgumentException getRule() {
        return (IllegalArgumentException) getCause();
    }
}
