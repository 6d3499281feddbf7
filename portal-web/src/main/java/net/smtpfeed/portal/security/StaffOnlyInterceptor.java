package net.smtpfeed.portal.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;

/** Refuses a call to a {@link StaffOnly} bean from any request whose caller is not staff. */
@StaffOnly
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class StaffOnlyInterceptor {

    @Inject
    HttpServletRequest request;

    @AroundInvoke
    Object refuseOthers(InvocationContext call) throws Exception {
        if (!request.isUserInRole(SecurityConfiguration.STAFF)) {
            throw new SecurityException(call.getMethod().getDeclaringClass().getSimpleName() + "."
                    + call.getMethod().getName() + " is for staff only, not for " + request.getRemoteUser());
        }
        return call.proceed();
    }
}
