package net.smtpfeed.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.smtpfeed.domain.customer.Role;
import org.junit.jupiter.api.Test;

class SecurityConfigurationTest {

    @Test
    void theRoleConstantsAreTheRolesStoredInPortalUser() {
        assertEquals(Role.CUSTOMER.name(), SecurityConfiguration.CUSTOMER);
        assertEquals(Role.CUSTOMER_ADMIN.name(), SecurityConfiguration.CUSTOMER_ADMIN);
        assertEquals(Role.STAFF.name(), SecurityConfiguration.STAFF);
        assertEquals(Role.ADMINISTRATOR.name(), SecurityConfiguration.ADMINISTRATOR);
    }
}
