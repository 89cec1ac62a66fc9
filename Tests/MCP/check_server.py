"""Checks an Azure simulator MCP server as a real client would: over stdio, with the `mcp` client.

It starts the server on a fresh AZLIN_HOME, lists its tools, creates a group and a VM through
tools, and checks that `azlin sim vm list` (a separate process on the same state) shows the VM.
It also checks the error contract (isError with az's `ERROR: (Code) Message`, one-line argument
errors), the az pass-through, and fault injection through AZLIN_SIM_FAULTS.

Usage:
  AZLIN_BIN=.build/debug/azlin python3 Tests/MCP/check_server.py           # the Python server
  AZLIN_BIN=.build/debug/azlin python3 Tests/MCP/check_server.py --swift   # azlin mcp-server

Prints one line per check and `<n> passed, <m> failed`; exits 1 when any check failed.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

HERE = os.path.dirname(os.path.abspath(__file__))
DISK_TOOLS = {
    "azmcp_compute_disk_create",
    "azmcp_compute_disk_delete",
    "azmcp_compute_vm_disk_attach",
    "azmcp_compute_vm_disk_detach",
}
# Snapshot tools of the Swift server, with (readOnlyHint, destructiveHint).
SNAPSHOT_TOOLS = {
    "azmcp_compute_snapshot_create": (False, False),
    "azmcp_compute_snapshot_delete": (False, True),
    "azmcp_compute_snapshot_list": (True, False),
    "azmcp_compute_snapshot_show": (True, False),
}


class Checks:
    """Counts and prints results."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print(f"ok    {what}")
        else:
            self.failed += 1
            print(f"FAIL  {what}" + (f": {detail}" if detail else ""))


def server_parameters(azlin_bin, swift, home, faults=None):
    env = dict(os.environ, AZLIN_HOME=home, AZLIN_BIN=azlin_bin)
    env.pop("AZLIN_SIM_FAULTS", None)
    if faults:
        env["AZLIN_SIM_FAULTS"] = faults
    if swift:
        return StdioServerParameters(command=azlin_bin, args=["mcp-server"], env=env)
    script = os.path.join(HERE, "azure_mcp_server.py")
    return StdioServerParameters(command=sys.executable, args=[script], env=env)


def sim(azlin_bin, home, *argv):
    """`azlin sim <argv>` on `home`, as JSON."""
    result = subprocess.run(
        [azlin_bin, "sim", *argv],
        env=dict(os.environ, AZLIN_HOME=home),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def text_of(result):
    return "".join(block.text for block in result.content if block.type == "text")


async def check_tools(session, swift, checks):
    tools = {entry.name: entry for entry in (await session.list_tools()).tools}
    checks.check(len(tools) == (34 if swift else 17), f"lists {len(tools)} tools")
    disk_tools = DISK_TOOLS & set(tools)
    if swift:
        checks.check(disk_tools == DISK_TOOLS, "offers the disk tools")
        hints = {
            name: (tools[name].annotations.readOnlyHint, tools[name].annotations.destructiveHint)
            for name in SNAPSHOT_TOOLS
            if name in tools and tools[name].annotations is not None
        }
        checks.check(hints == SNAPSHOT_TOOLS, "offers the snapshot tools with their hints", str(hints))
    else:
        checks.check(not disk_tools, "offers no disk tools (they go through azmcp_extension_az)")
    unset = [
        name
        for name, entry in tools.items()
        if entry.annotations is None
        or entry.annotations.readOnlyHint is None
        or entry.annotations.destructiveHint is None
    ]
    checks.check(not unset, "every tool sets readOnlyHint and destructiveHint", ", ".join(unset))
    create = tools["azmcp_compute_vm_create"]
    schema = create.inputSchema
    checks.check(
        schema.get("type") == "object"
        and schema.get("required") == ["resource-group", "name", "image"]
        and schema["properties"]["generate-ssh-keys"]["type"] == "boolean",
        "vm create's schema names the az flags",
        json.dumps(schema)[:200],
    )
    checks.check(
        create.annotations.readOnlyHint is False and create.annotations.destructiveHint is False,
        "vm create is neither read-only nor destructive",
    )
    delete = tools["azmcp_group_delete"].annotations
    checks.check(delete.destructiveHint is True, "group delete is destructive")
    checks.check(tools["azmcp_compute_vm_list"].annotations.readOnlyHint is True, "vm list is read-only")


async def check_calls(session, azlin_bin, home, checks):
    group = await session.call_tool("azmcp_group_create", {"name": "mcp-rg", "location": "eastus"})
    checks.check(not group.isError and json.loads(text_of(group))["name"] == "mcp-rg", "creates a group")
    vm = await session.call_tool(
        "azmcp_compute_vm_create",
        {
            "resource-group": "mcp-rg",
            "name": "sam",
            "image": "Ubuntu2204",
            "size": "Standard_B2s",
            "generate-ssh-keys": True,
            "tags": "env=dev team=web",
        },
    )
    vm_json = json.loads(text_of(vm)) if not vm.isError else {}
    checks.check(vm_json.get("powerState") == "VM running", "creates a VM", text_of(vm)[:200])
    listed = sim(azlin_bin, home, "vm", "list", "-d")
    checks.check(
        [(entry["name"], entry["resourceGroup"], entry["hardwareProfile"]["vmSize"]) for entry in listed]
        == [("sam", "mcp-rg", "Standard_B2s")],
        "azlin sim vm list shows the VM",
        json.dumps(listed)[:200],
    )
    checks.check(listed and listed[0].get("tags") == {"env": "dev", "team": "web"}, "tags are split into pairs")
    stop = await session.call_tool("azmcp_compute_vm_stop", {"resource-group": "mcp-rg", "name": "sam"})
    shown = sim(azlin_bin, home, "vm", "show", "-d", "-g", "mcp-rg", "-n", "sam")
    checks.check(not stop.isError and shown["powerState"] == "VM stopped", "stops the VM")
    details = await session.call_tool("azmcp_compute_vm_show", {"resource-group": "mcp-rg", "name": "sam", "details": True})
    checks.check(json.loads(text_of(details)).get("powerState") == "VM stopped", "details maps to -d")

    disk = await session.call_tool(
        "azmcp_extension_az",
        {"command": "disk create --resource-group mcp-rg --name data1 --size-gb 32 --tags 'note=two words'"},
    )
    checks.check(
        not disk.isError and json.loads(text_of(disk)).get("tags") == {"note": "two words"},
        "the pass-through creates a disk (quoted words stay one)",
        text_of(disk)[:200],
    )
    attach = await session.call_tool(
        "azmcp_extension_az",
        {"command": "vm disk attach --resource-group mcp-rg --vm-name sam --name data1"},
    )
    disks = sim(azlin_bin, home, "vm", "show", "-g", "mcp-rg", "-n", "sam")["storageProfile"]["dataDisks"]
    checks.check(
        not attach.isError and [disk["name"] for disk in disks] == ["data1"],
        "the pass-through attaches the disk",
        text_of(attach)[:200],
    )

    missing = await session.call_tool("azmcp_group_show", {"name": "nope"})
    checks.check(
        missing.isError and text_of(missing).startswith("ERROR: (ResourceGroupNotFound) "),
        "a failure is isError with az's stderr",
        text_of(missing)[:200],
    )
    unnamed = await session.call_tool("azmcp_compute_vm_create", {"resource-group": "mcp-rg", "image": "Ubuntu2204"})
    checks.check(
        unnamed.isError and text_of(unnamed) == "azmcp_compute_vm_create: missing required argument 'name'.",
        "a missing argument is a one-line error",
        text_of(unnamed),
    )
    typed = await session.call_tool("azmcp_compute_vm_list", {"details": "yes"})
    checks.check(
        typed.isError and text_of(typed) == "azmcp_compute_vm_list: argument 'details' must be a boolean.",
        "a wrong type is a one-line error",
        text_of(typed),
    )
    unknown = await session.call_tool("azmcp_nothing", {})
    checks.check(unknown.isError and text_of(unknown) == "Unknown tool 'azmcp_nothing'.", "an unknown tool is an error")


async def check_disk_tools(session, azlin_bin, home, checks):
    """The Swift server's own disk tools: create, attach, detach, delete."""
    group = {"resource-group": "mcp-rg"}
    create = await session.call_tool("azmcp_compute_disk_create", {**group, "name": "data2", "size-gb": 16})
    checks.check(
        not create.isError and json.loads(text_of(create)).get("diskSizeGb") == 16,
        "disk create takes an integer size-gb",
        text_of(create)[:200],
    )
    attach = await session.call_tool("azmcp_compute_vm_disk_attach", {**group, "vm-name": "sam", "name": "data2"})
    disks = sim(azlin_bin, home, "vm", "show", "-g", "mcp-rg", "-n", "sam")["storageProfile"]["dataDisks"]
    checks.check(
        not attach.isError and sorted(disk["name"] for disk in disks) == ["data1", "data2"],
        "vm disk attach attaches",
        text_of(attach)[:200],
    )
    detach = await session.call_tool("azmcp_compute_vm_disk_detach", {**group, "vm-name": "sam", "name": "data2"})
    delete = await session.call_tool("azmcp_compute_disk_delete", {**group, "name": "data2", "yes": True})
    names = [disk["name"] for disk in sim(azlin_bin, home, "disk", "list", "-g", "mcp-rg")]
    checks.check(
        not detach.isError and not delete.isError and "data2" not in names,
        "vm disk detach and disk delete",
        text_of(detach)[:200] + text_of(delete)[:200],
    )


async def check_faults(parameters, checks):
    async with stdio_client(parameters) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            await session.call_tool("azmcp_group_create", {"name": "fault-rg", "location": "eastus"})
            first = await session.call_tool(
                "azmcp_compute_vm_create", {"resource-group": "fault-rg", "name": "flaky", "image": "Ubuntu2204"}
            )
            second = await session.call_tool(
                "azmcp_compute_vm_create", {"resource-group": "fault-rg", "name": "flaky", "image": "Ubuntu2204"}
            )
            checks.check(
                first.isError and text_of(first).startswith("ERROR: (InternalServerError)") and not second.isError,
                "AZLIN_SIM_FAULTS reaches the server's simulator",
                text_of(first)[:200],
            )


async def run(azlin_bin, swift):
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="azlin-mcp-check-") as home:
        async with stdio_client(server_parameters(azlin_bin, swift, home)) as (read, write):
            async with ClientSession(read, write) as session:
                init = await session.initialize()
                print(f"server: {init.serverInfo.name} {init.serverInfo.version}")
                await check_tools(session, swift, checks)
                await check_calls(session, azlin_bin, home, checks)
                if swift:
                    await check_disk_tools(session, azlin_bin, home, checks)
    with tempfile.TemporaryDirectory(prefix="azlin-mcp-check-") as home:
        await check_faults(server_parameters(azlin_bin, swift, home, "vm create=InternalServerError*1"), checks)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return checks.failed == 0


def main():
    parser = argparse.ArgumentParser(description="Check an Azure simulator MCP server over stdio.")
    parser.add_argument("--swift", action="store_true", help="check `azlin mcp-server` instead of the Python server")
    options = parser.parse_args()
    azlin_bin = os.environ.get("AZLIN_BIN", "")
    if not azlin_bin:
        sys.exit("check_server: set AZLIN_BIN to the azlin executable (for example .build/debug/azlin)")
    azlin_bin = os.path.abspath(azlin_bin)
    sys.exit(0 if asyncio.run(run(azlin_bin, options.swift)) else 1)


if __name__ == "__main__":
    main()
