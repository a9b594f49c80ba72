import type { PolicyRule } from "../policies";
import { CodedError, invalid, notFound } from "../service-error";
import type { DeviceRecord } from "../state-schema";
import { authorizeOrg, type Route, type RouteContext } from "./route";

/** Device status as the API shows it: "disable" whatever the connectivity while disabled (Get Device). */
export function deviceStatus(device: DeviceRecord): string {
  return device.enabled ? device.connectivity : "disable";
}

/** The v2.1 Device object (Get Device); the emulator's own bookkeeping fields are not on the wire. */
export function renderDevice(device: DeviceRecord): Record<string, unknown> {
  const { connectivity: _connectivity, enabled: _enabled, ...wire } = device;
  return { ...wire, status: deviceStatus(device) };
}

const present = (value: string | undefined): value is string => value !== undefined && value !== "";

/**
 * Identity is assetId, or productKey + deviceKey (inf: assetId wins when both are given). Messages follow the
 * documented "Invalid Argument <field>:<reason>" samples; the exact reasons are inf.
 */
function findDevice(context: RouteContext, orgId: string): DeviceRecord {
  const { assetId, productKey, deviceKey } = context.query;
  if (!present(assetId) && !present(productKey))
    throw invalid("assetId", "assetId or productKey+deviceKey is required");
  if (!present(assetId) && !present(deviceKey)) throw invalid("deviceKey", "deviceKey is missing");
  const device = context.store.data.devices.find(
    (candidate) =>
      candidate.orgId === orgId &&
      (present(assetId)
        ? candidate.assetId === assetId
        : candidate.productKey === productKey && candidate.deviceKey === deviceKey),
  );
  if (!device) throw notFound("device", present(assetId) ? assetId : `${productKey}/${deviceKey}`);
  return device;
}

/**
 * enable/disable answer data null; 11794 "device status invalid" when the device is already in that state.
 * inf: enabling restores the remembered connectivity (online/offline, or inactive if never activated); the docs say
 * only that a disabled device shows "disable" whatever its connectivity (Get Device).
 */
function setEnabled(context: RouteContext, device: DeviceRecord, enabled: boolean): null {
  if (device.enabled === enabled) throw new CodedError(11794, "device status invalid");
  device.enabled = enabled;
  context.store.commit();
  return null;
}

function devices(context: RouteContext): unknown {
  const action = context.query["action"];
  if (!present(action)) throw invalid("action", "action is missing");
  if (!["get", "enable", "disable"].includes(action)) throw invalid("action", `action ${action} is not supported`);
  const orgId = context.query["orgId"];
  if (!present(orgId)) throw invalid("orgId", "orgId is missing");
  authorizeOrg(context, orgId);
  const device = findDevice(context, orgId);
  if (action === "get") return renderDevice(device);
  return setEnabled(context, device, action === "enable");
}

/**
 * Device Management: Read for get, Full Access for enable/disable (Enable Device). inf: Full Access includes Read;
 * an unknown action needs nothing, so it is answered 99400.
 */
const devicePolicy: PolicyRule = (query) => {
  if (query["action"] === "get") return ["Device Management Read", "Device Management Full Access"];
  return ["enable", "disable"].includes(query["action"] ?? "") ? ["Device Management Full Access"] : [];
};

/**
 * One path, dispatched on `action`. Docs: get = GET, enable/disable = POST; the official Python samples send
 * enable/disable as GET (no body). inf: both methods are accepted for every action.
 */
export const connectRoutes: readonly Route[] = [
  {
    methods: ["GET", "POST"],
    path: "/connect-service/v2.1/devices",
    service: "connect",
    policy: devicePolicy,
    handle: devices,
  },
];
