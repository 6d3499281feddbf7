package net.smtpfeed.domain.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachSideHasAUserAndAnAdministratorRole() {
        assertEquals(Role.CUSTOMER_ADMIN, Role.CUSTOMER.administrator());
        assertEquals(Role.CUSTOMER, Role.CUSTOMER_ADMIN.user());
        assertEquals(Role.ADMINISTRATOR, Role.STAFF.administrator());
        assertEquals(Role.STAFF, Role.ADMINISTRATOR.user());
    }

    @Test
    void bothCustomerRolesBelongToACustomerAndNeitherStaffRoleDoes() {
        assertTrue(Role.CUSTOMER.belongsToCustomer() && Role.CUSTOMER_ADMIN.belongsToCustomer());
        assertFalse(Role.STAFF.belongsToCustomer() || Role.ADMINISTRATOR.belongsToCustomer());
    }

    @Test
    void onlyTheAdministratorRolesManageUsers() {
        assertTrue(Role.CUSTOMER_ADMIN.isAdministrator() && Role.ADMINISTRATOR.isAdministrator());
        assertFalse(Role.CUSTOMER.isAdministrator() || Role.STAFF.isAdministrator());
    }

    @Test
    void anAdministratorHoldsTheGroupOfTheRoleItExtends() {
        assertEquals(EnumSet.of(Role.CUSTOMER, Role.CUSTOMER_ADMIN), Role.CUSTOMER_ADMIN.groups());
        assertEquals(EnumSet.of(Role.STAFF, Role.ADMINISTRATOR), Role.ADMINISTRATOR.groups());
        assertEquals(EnumSet.of(Role.CUSTOMER), Role.CUSTOMER.groups());
        assertEquals(EnumSet.of(Role.STAFF), Role.STAFF.groups());
    }
}
