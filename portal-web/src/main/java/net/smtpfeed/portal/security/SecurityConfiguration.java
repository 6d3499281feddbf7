package net.smtpfeed.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * How the portal authenticates: our own login page, and the portal_user table as identity store. A caller's groups
 * come from the portal_user_group view (an administrator holds the group of the role it extends as well), and
 * groups are the roles of web.xml's constraints. A protected page redirects to the login
 * page rather than forwarding to it (the default): the address bar then shows the page the caller is on, and on
 * WildFly the forward leaves Weld's conversation context active on the worker thread (WELD-000335 warnings).
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:jboss/datasources/SmtpfeedDS",
        callerQuery = "select password_hash from portal_user where username = ?",
        groupsQuery = "select group_name from portal_user_group where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({SecurityConfiguration.CUSTOMER, SecurityConfiguration.CUSTOMER_ADMIN, SecurityConfiguration.STAFF,
        SecurityConfiguration.ADMINISTRATOR})
public class SecurityConfiguration {

    /** The names of net.smtpfeed.domain.customer.Role, as constants because annotations need them. */
    public static final String CUSTOMER = "CUSTOMER";
    public static final String CUSTOMER_ADMIN = "CUSTOMER_ADMIN";
    public static final String STAFF = "STAFF";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";
}
