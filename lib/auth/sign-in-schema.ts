import { z } from "zod";

/** Shared by the sign-in form and the credentials provider. */
export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password"),
});
