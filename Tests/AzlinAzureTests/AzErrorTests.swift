import AzlinAzure
import Testing

@Suite struct AzErrorTests {
  @Test func aWrappedDeploymentErrorReportsItsRealCause() {
    let stderr = """
      ERROR: (InvalidTemplateDeployment) The template deployment 'vm_deploy_x' is not valid.
      Code: InvalidTemplateDeployment
      Message: The template deployment 'vm_deploy_x' is not valid.
      Exception Details:	(QuotaExceeded) Operation could not be completed as it results in exceeding approved Total Regional Cores quota.
      	Code: QuotaExceeded
      	Message: Operation could not be completed as it results in exceeding approved Total Regional Cores quota.
      """
    let e = AzError.parse(stderr: stderr, exitCode: 1)
    #expect(e.code == "QuotaExceeded")
    #expect(e.message.hasPrefix("Operation could not be completed"))
  }

  @Test func aMessageLineBeatsAPlainErrorLine() {
    let e = AzError.parse(
      stderr: "ERROR: something went wrong\nCode: Conflict\nMessage: The VM is busy.\n", exitCode: 1
    )
    #expect(e == AzError(code: "Conflict", message: "The VM is busy.", exitCode: 1))
  }
}
