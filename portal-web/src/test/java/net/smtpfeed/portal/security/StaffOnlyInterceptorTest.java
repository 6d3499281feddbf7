package net.smtpfeed.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StaffOnlyInterceptorTest {

    private final AtomicBoolean proceeded = new AtomicBoolean();

    @Test
    void staffsCallGoesThrough() throws Exception {
        assertEquals("done", interceptorFor("staff", SecurityConfiguration.STAFF).refuseOthers(call()));
    }

    @Test
    void aCustomersCallIsRefusedBeforeItReachesTheBean() {
        StaffOnlyInterceptor interceptor = interceptorFor("customer", SecurityConfiguration.CUSTOMER);

        SecurityException refused = assertThrows(SecurityException.class, () -> interceptor.refuseOthers(call()));

        assertFalse(proceeded.get());
        assertEquals("StaffOnlyInterceptorTest.approve is for staff only, not for customer", refused.getMessage());
    }

    private static StaffOnlyInterceptor interceptorFor(String user, String role) {
        StaffOnlyInterceptor interceptor = new StaffOnlyInterceptor();
        interceptor.request = (HttpServletRequest) Proxy.newProxyInstance(StaffOnlyInterceptorTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isUserInRole" -> role.equals(args[0]);
                    case "getRemoteUser" -> user;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return interceptor;
    }

    private InvocationContext call() throws NoSuchMethodException {
        Method approve = StaffOnlyInterceptorTest.class.getDeclaredMethod("approve");
        return (InvocationContext) Proxy.newProxyInstance(StaffOnlyInterceptorTest.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> approve;
                    case "proceed" -> {
                        proceeded.set(true);
                        yield "done";
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Stands for a staff action. */
    private void approve() {
    }
}
