package net.smtpfeed.domain.customer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortalUserTest {

    private final Customer customer = new Customer("Customer Example Ltd", Instant.EPOCH);

    @Test
    void aCustomerUserBelongsToACustomer() {
        assertThrows(IllegalArgumentException.class, () -> new PortalUser("carla", "hash", Role.CUSTOMER, null, "Carla"));
        assertDoesNotThrow(() -> new PortalUser("carla", "hash", Role.CUSTOMER, customer, "Carla"));
    }

    @Test
    void staffBelongToNoCustomer() {
        assertThrows(IllegalArgumentException.class, () -> new PortalUser("sam", "hash", Role.STAFF, customer, "Sam"));
        assertDoesNotThrow(() -> new PortalUser("sam", "hash", Role.STAFF, null, "Sam"));
    }

    @Test
    void aCustomersUserBecomesTheirAdministratorButNeverStaff() {
        PortalUser carla = new PortalUser("carla", "hash", Role.CUSTOMER, customer, "Carla");
        carla.changeRole(Role.CUSTOMER_ADMIN);
        assertEquals(Role.CUSTOMER_ADMIN, carla.getRole());
        assertThrows(IllegalArgumentException.class, () -> carla.changeRole(Role.ADMINISTRATOR));
    }
}
