export { type Actor, type UserActor, ROLES, STAFF_ROLES, isRole, isStaff, systemActor } from "./actor";
export { PERMISSIONS, can, assertCan, homePathFor, type Permission } from "./permissions";
export { applicationScope, licenceScope, organisationFilter, oversightReach } from "./scopes";
export { hashPassword, verifyPassword } from "./passwords";
export { ZSignInInput, ZRegisterApplicantInput, type TSignInInput, type TRegisterApplicantInput } from "./schemas";
export { authenticateWithPassword, completeSignIn, toSessionUser, sessionUserSelect, type SessionUser } from "./authenticate";
export { registerApplicant, registerApplicantUniformly, type TRegistrationAnswer } from "./register-applicant";
export { THROTTLE, ZClearThrottle, accountDelayMs, clearThrottle, passwordSignInGate, listThrottled, signInAddressLimiter, signInThrottle, type ThrottleDecision, type ThrottledAccount, type ThrottledAddress, type TClearThrottle } from "./throttle";
export { sessionPolicy, sessionState, openSession, resolveSession, signOutSession, isFreshSignIn, type SessionPolicy, type LiveSession } from "./sessions";
