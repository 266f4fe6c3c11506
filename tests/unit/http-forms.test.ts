import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject } from "@/lib/http/action";
import { fieldErrors, toFieldIssues } from "@/lib/http/result";

describe("formDataToObject", () => {
  it("keeps single values as strings and repeated keys as arrays, in order", () => {
    const form = new FormData();
    form.append("email", "a@example.com");
    form.append("role", "va");
    form.append("tag", "one");
    form.append("tag", "two");
    form.append("tag", "three");
    expect(formDataToObject(form)).toEqual({ email: "a@example.com", role: "va", tag: ["one", "two", "three"] });
  });

  it("drops Next.js's $ACTION fields and files", () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("$ACTION_REF_1", "x");
    form.append("upload", new Blob(["data"]), "file.txt");
    form.append("name", "Acme");
    expect(formDataToObject(form)).toEqual({ name: "Acme" });
  });

  it("keeps empty strings (the schema decides what they mean)", () => {
    const form = new FormData();
    form.append("action", "");
    expect(formDataToObject(form)).toEqual({ action: "" });
  });
});

describe("fieldErrors", () => {
  it("groups zod issues by field path and puts form-level ones under _form", () => {
    const schema = z.object({ email: z.email("Enter a valid email"), profile: z.object({ name: z.string().min(2, "Too short") }) });
    const result = schema.safeParse({ email: "nope", profile: { name: "x" } });
    expect(result.success).toBe(false);
    const issues = toFieldIssues(result.error!);
    expect(fieldErrors(issues)).toEqual({ email: ["Enter a valid email"], "profile.name": ["Too short"] });
    const formLevel = z.string().refine(() => false, "Whole form is wrong").safeParse("x");
    expect(toFieldIssues(formLevel.error!)).toEqual([{ path: "", message: "Whole form is wrong" }]);
    expect(fieldErrors([...issues, ...toFieldIssues(formLevel.error!), { path: "email", message: "Second" }])).toEqual({
      email: ["Enter a valid email", "Second"],
      "profile.name": ["Too short"],
      _form: ["Whole form is wrong"],
    });
  });

  it("is empty for no issues", () => {
    expect(fieldErrors(undefined)).toEqual({});
    expect(fieldErrors([])).toEqual({});
  });
});
