/**
 * Cross-cutting infrastructure shared by every module: the embedded database, Vietnamese
 * text and dates, today's date, error pages and problem details, the web layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.capuy.system;
